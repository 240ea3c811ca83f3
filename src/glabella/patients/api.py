"""JSON API for patients under /api/v1/patients; the same actions and queries as the pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from glabella.accounts.permissions import ensure_role
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import CREATE, READ, UPDATE, record
from glabella.patients import actions, queries
from glabella.patients.models import MedicalProfile, Patient, PriorTreatment
from glabella.patients.permissions import CLINICAL_DATA_ROLES, acting_user
from glabella.patients.schemas import (
    EngineInputOut,
    PatientIn,
    PatientOut,
    PriorTreatmentIn,
    PriorTreatmentOut,
    ProfileIn,
    ProfileOut,
)

router = Router(tags=["patients"])
API = "api"


def read_patient(request: HttpRequest, patient_id: int) -> Patient:
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    record(request, READ, patient, channel=API)
    return patient


def clinical_patient(request: HttpRequest, patient_id: int) -> Patient:
    """A patient whose clinical data the caller may see (404 before 403: no existence leak)."""
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    ensure_role(request, *CLINICAL_DATA_ROLES)
    record(request, READ, patient, channel=API)
    return patient


@router.get("", response=list[PatientOut])
def search_patients(request: HttpRequest, q: str = "") -> list[Patient]:
    record(request, "search", object_type="patients.patient", channel=API)
    return queries.search(current_clinic(request), q)


@router.post("", response={201: PatientOut})
def register_patient(request: HttpRequest, payload: PatientIn) -> Status[Patient]:
    patient = actions.register_patient(current_clinic(request), **payload.dict())
    record(request, CREATE, patient, channel=API)
    return Status(201, patient)


@router.get("/{patient_id}", response=PatientOut)
def get_patient(request: HttpRequest, patient_id: int) -> Patient:
    return read_patient(request, patient_id)


@router.put("/{patient_id}", response=PatientOut)
def update_patient(request: HttpRequest, patient_id: int, payload: PatientIn) -> Patient:
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    actions.update_patient(patient, **payload.dict())
    record(request, UPDATE, patient, channel=API)
    return patient


@router.get("/{patient_id}/profiles", response=list[ProfileOut])
def list_profiles(request: HttpRequest, patient_id: int) -> list[MedicalProfile]:
    return list(queries.profiles_of(clinical_patient(request, patient_id)))


@router.post("/{patient_id}/profiles", response={201: ProfileOut})
def record_profile(
    request: HttpRequest, patient_id: int, payload: ProfileIn
) -> Status[MedicalProfile]:
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    ensure_role(request, *CLINICAL_DATA_ROLES)
    fields: dict[str, Any] = payload.dict()
    profile = actions.record_profile(patient, recorded_by=acting_user(request), **fields)
    record(request, CREATE, profile, channel=API)
    return Status(201, profile)


@router.get("/{patient_id}/prior-treatments", response=list[PriorTreatmentOut])
def list_prior_treatments(request: HttpRequest, patient_id: int) -> list[PriorTreatment]:
    return list(queries.prior_treatments_of(clinical_patient(request, patient_id)))


@router.post("/{patient_id}/prior-treatments", response={201: PriorTreatmentOut})
def record_prior_treatment(
    request: HttpRequest, patient_id: int, payload: PriorTreatmentIn
) -> Status[PriorTreatment]:
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    ensure_role(request, *CLINICAL_DATA_ROLES)
    treatment = actions.record_prior_treatment(
        patient,
        created_by=acting_user(request),
        **payload.dict(),
    )
    record(request, CREATE, treatment, channel=API)
    return Status(201, treatment)


@router.get("/{patient_id}/engine-input", response=EngineInputOut)
def engine_input(request: HttpRequest, patient_id: int) -> dict[str, Any]:
    """The rule engine's ``patient`` and ``history``, in the contract's shape."""
    return queries.engine_input(clinical_patient(request, patient_id))
