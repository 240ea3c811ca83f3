"""Indications, injection sites, regions and the positions the chart diagrams draw."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from glabella.knowledge.schema.base import Model, ProductClass

View = Literal["face_front", "head_back", "axillae", "eye", "hands"]


class Indication(Model):
    id: str
    name: str
    kind: Literal["cosmetic", "therapeutic"]
    product_class: ProductClass
    icd10: str | None = None
    icd10_verified: bool = False
    icd10_note: str | None = None
    scales: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    summary: str
    source: str | None = None
    note: str | None = None


class Diagram(Model):
    """Layout position on a chart view, normalised 0-1 (not a clinical number)."""

    view: View
    x: float = Field(ge=0, le=1)
    y: float = Field(ge=0, le=1)


class Site(Model):
    id: str
    name: str
    kind: Literal["muscle", "filler_area"]
    side: Literal["l", "r"] | None = None
    regions: tuple[str, ...] = ()
    danger_zone: bool = False
    danger_source: str | None = None
    snomed: str | None = None
    snomed_note: str | None = None
    diagram: Diagram
    note: str | None = None


class Region(Model):
    """A named area; ``sites`` is filled in by the loader from each site's ``regions``."""

    id: str
    name: str
    side: Literal["l", "r"] | None = None
    danger_zone: bool = False
    snomed: str | None = None
    snomed_note: str | None = None
    sites: tuple[str, ...] = ()
