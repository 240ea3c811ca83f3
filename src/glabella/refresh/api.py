"""JSON API under /api/v1/refresh: the due list, a patient's forecasts, wear-off reports."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from glabella.accounts.permissions import ensure_role
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import CREATE, READ, record
from glabella.patients.models import Patient
from glabella.patients.permissions import CLINICAL_DATA_ROLES, acting_user
from glabella.refresh import actions, export, queries
from glabella.refresh.models import CLINICIAN, RefreshForecast, WearOffReport

router = Router(tags=["refresh"])
API = "api"


class DueRowOut(Schema):
    patient_id: int
    record_number: int
    patient: str
    indication: str
    product: str
    last_treated_on: date
    predicted_on: date
    low_on: date
    high_on: date
    contact: str
    reachable: bool
    explanation: str


class DueQuery(Schema):
    within_days: int = Field(28, ge=1, le=730)
    after: str | None = Field(None, description="next_after of the previous page")


class DuePageOut(Schema):
    next_after: str | None
    rows: list[DueRowOut]


class ForecastOut(Schema):
    indication: str
    product: str
    product_class: str
    last_treated_on: date
    predicted_on: date
    low_on: date
    high_on: date
    basis: str
    observations: int
    explanation: str


class WearOffIn(Schema):
    indication: str
    reported_on: date
    treated_on: date | None = None
    product: str = ""


class WearOffOut(Schema):
    id: int
    indication: str
    product: str
    treated_on: date | None
    reported_on: date
    source: str
    days: int | None


@router.get("/due", response=DuePageOut)
def due(request: HttpRequest, params: Query[DueQuery]) -> dict[str, Any]:
    record(request, "due_list", object_type="refresh.refreshforecast", channel=API)
    today = timezone.localdate()
    clinic = current_clinic(request)
    found = queries.due_list(clinic, params.within_days, today, after=params.after)
    return {
        "next_after": found.next_after,
        "rows": [export.as_dict(row) for row in found.rows],
    }


@router.get("/patients/{patient_id}/forecasts", response=list[ForecastOut])
def forecasts(request: HttpRequest, patient_id: int) -> list[RefreshForecast]:
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    ensure_role(request, *CLINICAL_DATA_ROLES)
    record(request, READ, patient, channel=API)
    return list(queries.forecasts_of(patient))


@router.get("/patients/{patient_id}/wear-off", response=list[WearOffOut])
def wear_off_reports(request: HttpRequest, patient_id: int) -> list[WearOffReport]:
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    ensure_role(request, *CLINICAL_DATA_ROLES)
    record(request, READ, patient, channel=API)
    return list(queries.reports_of(patient))


@router.post("/patients/{patient_id}/wear-off", response={201: WearOffOut})
def wear_off(request: HttpRequest, patient_id: int, payload: WearOffIn) -> Status[WearOffReport]:
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    ensure_role(request, *CLINICAL_DATA_ROLES)
    with transaction.atomic():
        report = actions.record_wear_off(
            patient,
            payload.indication,
            reported_on=payload.reported_on,
            treated_on=payload.treated_on,
            product=payload.product,
            source=CLINICIAN,
            reported_by=acting_user(request),
        )
        record(request, CREATE, report, channel=API)
    return Status(201, report)
