"""Labelled injection templates: fixed points, variants, optional extras, per-muscle menus."""

from __future__ import annotations

from typing import Self

from pydantic import model_validator

from glabella.knowledge.schema.base import Fact, Model, ProductClass


class TemplatePoint(Model):
    """One injection point; several points may share a site (two per corrugator)."""

    site: str
    units: float | None = None
    volume_ml: float | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_amount(self) -> Self:
        if self.units is not None and self.volume_ml is not None:
            raise ValueError("a point carries units or volume_ml, not both")
        return self


class TemplateVariant(Model):
    """An alternative labelled layout (platysma 26/31/36 U)."""

    id: str
    name: str
    points: tuple[TemplatePoint, ...]
    total: Fact
    note: str | None = None


class TemplateOption(Model):
    """Optional extra points (PREEMPT follow-the-pain), up to ``max_additional`` more."""

    id: str
    name: str
    sites: tuple[str, ...]
    max_additional: Fact
    max_additional_points: int | None = None
    units_per_point: float | None = None
    in_label: bool = False
    source: str
    note: str | None = None


class DoseBand(Model):
    """A per-muscle dose range chosen by a clinical finding (strabismus by prism dioptres)."""

    id: str
    name: str
    sites: tuple[str, ...]
    units_low: float
    units_high: float
    source: str
    advisory: bool = False
    note: str | None = None


class Template(Model):
    id: str
    name: str
    indication: str
    product_class: ProductClass
    products: tuple[str, ...]
    off_label: bool = False
    points: tuple[TemplatePoint, ...] = ()
    variants: tuple[TemplateVariant, ...] = ()
    options: tuple[TemplateOption, ...] = ()
    menu: tuple[str, ...] = ()
    dose_bands: tuple[DoseBand, ...] = ()
    requires: tuple[str, ...] = ()
    total: Fact | None = None
    source: str
    advisory: bool = False
    note: str | None = None

    def points_total(self) -> float:
        return sum(p.units if p.units is not None else (p.volume_ml or 0.0) for p in self.points)
