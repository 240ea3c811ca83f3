"""The assessment contract as Pydantic models: the proposal in, the assessment out.

These models mirror /work/shared/contracts/assessment.md exactly. Validation here is
structural only (types, required fields, amounts); whether ids exist in the knowledge
base is checked by :mod:`glabella.rules.validate`, which needs a knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

Severity = Literal["info", "warn", "block"]
Verdict = Literal["ok", "warn", "block"]


def _naive_utc(value: datetime) -> datetime:
    # Mixing aware and naive date-times would make comparisons raise, so every aware
    # value is brought to UTC and stored naive; naive values are taken as given.
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


# A date or a date-time; a bare date means the start of that day (Pydantic parses
# "2026-11-28" as midnight).
Moment = Annotated[datetime, AfterValidator(_naive_utc)]
Amount = Annotated[float, Field(gt=0, allow_inf_nan=False)]
Id = Annotated[str, Field(min_length=1, max_length=100)]


class _Strict(BaseModel):
    # A misspelt field such as "pregant" must not be silently ignored in a clinical check.
    model_config = ConfigDict(extra="forbid", frozen=True)


class SkinTest(_Strict):
    product: Id
    date: Moment
    result: Literal["negative", "positive"]


class Patient(_Strict):
    birth_date: date
    sex: Literal["female", "male", "other", "unknown"] | None = None
    weight_kg: Annotated[float, Field(gt=0, le=500, allow_inf_nan=False)] | None = None
    pregnant: bool = False
    breastfeeding: bool = False
    conditions: list[Id] = Field(default_factory=list)
    allergies: list[Id] = Field(default_factory=list)
    medications: list[Id] = Field(default_factory=list)
    infection_sites: list[Id] = Field(default_factory=list)
    skin_tests: list[SkinTest] = Field(default_factory=list)


class _Dosed(_Strict):
    units: Amount | None = None
    volume_ml: Amount | None = None

    @model_validator(mode="after")
    def _one_amount(self) -> _Dosed:
        if (self.units is None) == (self.volume_ml is None):
            raise ValueError("give exactly one of units (toxin) or volume_ml (filler)")
        return self

    @property
    def amount(self) -> float:
        # Exactly one is set (checked above), so this is never None.
        return self.units if self.units is not None else self.volume_ml  # type: ignore[return-value]


class HistoryEntry(_Dosed):
    date: Moment
    product: Id
    indication: Id


class Point(_Dosed):
    site: Id


class Lot(_Strict):
    number: Annotated[str, Field(max_length=100)] | None = None
    expiry: Moment
    reconstituted_at: Moment | None = None


class Dilution(_Strict):
    """An optional chosen reconstitution; without it the product's first listed row is used."""

    vial_units: Amount
    diluent_ml: Amount


class Treatment(_Strict):
    product: Id
    indication: Id
    lot: Lot | None = None
    dilution: Dilution | None = None
    points: list[Point] = Field(default_factory=list)


class Proposal(_Strict):
    at: Moment
    patient: Patient
    history: list[HistoryEntry] = Field(default_factory=list)
    treatments: list[Treatment]


# The assessment side is plain frozen dataclasses: the engine builds thousands per second
# and needs no validation of its own output. Pydantic still derives their JSON schema for
# the OpenAPI document.


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    treatment: int | None
    site: str | None
    message: str
    source: str


@dataclass(frozen=True, slots=True)
class Total:
    """One product's total; toxins carry ``units``, fillers ``volume_ml``, never both."""

    product: str
    units: float | None = None
    volume_ml: float | None = None


@dataclass(frozen=True, slots=True)
class Window:
    """The expected refresh window: the effect usually wears off between these dates."""

    start: Annotated[date, Field(alias="from")]
    end: Annotated[date, Field(alias="to")]


@dataclass(frozen=True, slots=True)
class DilutionUsed:
    vial_units: float
    diluent_ml: float


@dataclass(frozen=True, slots=True)
class Line:
    """Per-treatment results beyond the contract's required fields (an optional addition)."""

    treatment: int
    product: str
    indication: str
    units: float | None = None
    volume_ml: float | None = None
    draw_ml: float | None = None
    dilution: DilutionUsed | None = None
    earliest_retreatment: date | None = None
    review: date | None = None
    refresh: Window | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    verdict: Verdict
    findings: list[Finding]
    totals: list[Total]
    knowledge_version: str
    lines: list[Line] = field(default_factory=list)
