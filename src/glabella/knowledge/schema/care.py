"""Aftercare, recovery, warning signs, toxin-filler sequencing and outcome scales."""

from __future__ import annotations

from pydantic import Field

from glabella.knowledge.schema.base import DayRange, Fact, Model, ProductClass


class Instruction(Model):
    text: str
    hours: Fact | None = None
    source: str
    advisory: bool = False


class Recovery(Model):
    """Typical recovery; each range says how long that reaction usually lasts."""

    summary: str
    resolve_days: DayRange | None = None
    swelling_days: DayRange | None = None
    redness_days: DayRange | None = None
    bruising_days: DayRange | None = None


class WarningSign(Model):
    sign: str
    action: str
    source: str


class Aftercare(Model):
    """Aftercare for a product class; ``areas`` (site or region ids) empty means everywhere."""

    id: str
    name: str
    product_class: ProductClass
    areas: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    patient_text: str
    instructions: tuple[Instruction, ...] = ()
    recovery: Recovery
    warning_signs: tuple[WarningSign, ...] = ()
    review_after_days: Fact | None = None
    source: str


class Sequencing(Model):
    id: str
    text: str
    interval_days: Fact | None = None
    source: str
    advisory: bool = False


class Scale(Model):
    id: str
    name: str
    indications: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    anchors: tuple[str, ...] = ()
    responder: str | None = None
    rated_by: tuple[str, ...] = Field(default=())
    source: str
    advisory: bool = False
    note: str | None = None
