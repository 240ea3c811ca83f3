"""JSON shapes of the treatments API.

Bodies of routes with a session id parse even when empty, so the session lookup (404 for
another clinic's) comes before validation; the actions then name the missing field.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from ninja import Schema


class SessionIn(Schema):
    patient_id: int
    plan_id: int | None = None


class PointIn(Schema):
    site: str
    units: Decimal | None = None
    volume_ml: Decimal | None = None
    depth: str = ""
    technique: str = "needle"
    x: float | None = None
    y: float | None = None


class LineIn(Schema):
    product: str
    indication: str
    template: str = ""
    lot_id: int | None = None
    vial_id: int | None = None
    diluent_ml: Decimal | None = None
    points: list[PointIn] = []


class ChartIn(Schema):
    version: int | None = None
    lines: list[LineIn] = []


class TemplateIn(Schema):
    version: int | None = None
    template: str = ""
    product: str = ""
    variant: str | None = None
    volume_ml: Decimal | None = None


class AcknowledgementIn(Schema):
    code: str = ""
    treatment: int | None = None
    site: str | None = None
    reason: str = ""


class SignIn(Schema):
    version: int | None = None


class AddendumIn(Schema):
    reason: str = ""
    text: str = ""
    corrected_points: list[dict[str, Any]] | None = None


class PointOut(Schema):
    id: int
    position: int
    site: str
    units: Decimal | None
    volume_ml: Decimal | None
    depth: str
    technique: str
    x: float | None
    y: float | None


class LineOut(Schema):
    id: int
    position: int
    product: str
    indication: str
    template: str
    lot_id: int | None
    vial_id: int | None
    diluent_ml: Decimal | None
    points: list[PointOut]


class AcknowledgementOut(Schema):
    id: int
    code: str
    treatment: int | None
    site: str
    reason: str
    by_id: int
    at: datetime


class AddendumOut(Schema):
    id: int
    author_id: int
    at: datetime
    reason: str
    text: str
    corrected_points: list[dict[str, Any]] | None


class CoSignatureOut(Schema):
    id: int
    physician_id: int
    at: datetime


class SessionOut(Schema):
    id: int
    patient_id: int
    injector_id: int
    status: str
    version: int
    created_at: datetime
    updated_at: datetime
    signed_at: datetime | None
    signed_by_id: int | None
    knowledge_version: str
    assessment: dict[str, Any] | None
    plan_id: int | None
    repeated_from_id: int | None
    lines: list[LineOut]
    acknowledgements: list[AcknowledgementOut]
    addenda: list[AddendumOut]
    cosignatures: list[CoSignatureOut]


class PlanIn(Schema):
    patient_id: int
    concerns: list[str]
    notes: str = ""


class PlanLineIn(Schema):
    indication: str
    product: str
    template: str = ""
    concern: str = ""
    planned_units: Decimal | None = None
    planned_volume_ml: Decimal | None = None


class PlanSaveIn(Schema):
    lines: list[PlanLineIn]
    notes: str | None = None


class PlanLineOut(Schema):
    id: int
    position: int
    concern: str
    indication: str
    product: str
    template: str
    planned_units: Decimal | None
    planned_volume_ml: Decimal | None
    summary: str


class PlanOut(Schema):
    id: int
    patient_id: int
    created_by_id: int
    concerns: list[str]
    notes: str
    status: str
    created_at: datetime
    lines: list[PlanLineOut]
