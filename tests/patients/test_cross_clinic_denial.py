"""A user of clinic A gets 404 for clinic B's patient on every patient page and API route."""

import json

import pytest
from django.test import Client

from glabella.audit.models import AuditEvent
from glabella.patients.models import MedicalProfile, Patient, PriorTreatment

PAGES = ["", "edit/", "profiles/new/", "prior-treatments/new/"]
API_ROUTES = [
    ("get", ""),
    ("put", ""),
    ("get", "/profiles"),
    ("post", "/profiles"),
    ("get", "/prior-treatments"),
    ("post", "/prior-treatments"),
    ("get", "/engine-input"),
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_every_patient_page_answers_404(
    client_a: Client, patient_b: Patient, page: str, method: str
) -> None:
    response = getattr(client_a, method)(f"/patients/{patient_b.pk}/{page}")
    assert response.status_code == 404


@pytest.mark.parametrize(("method", "suffix"), API_ROUTES)
def test_every_patient_api_route_answers_404(
    client_a: Client, patient_b: Patient, method: str, suffix: str
) -> None:
    body = {
        "family_name": "X",
        "given_name": "Y",
        "birth_date": "1980-01-01",
        "sex": "male",
        "date": "2026-01-01",
        "product": "botox",
        "indication": "glabellar_lines",
        "units": 1,
    }
    call = getattr(client_a, method)
    response = call(
        f"/api/v1/patients/{patient_b.pk}{suffix}",
        data=json.dumps(body) if method != "get" else None,
        content_type="application/json",
    )
    assert response.status_code == 404


def test_denied_requests_change_nothing_and_audit_no_read(
    client_a: Client, patient_b: Patient
) -> None:
    client_a.post(f"/patients/{patient_b.pk}/edit/", {"family_name": "Hacked"})
    patient_b.refresh_from_db()
    assert patient_b.family_name == "Other"
    assert not MedicalProfile.objects.exists() and not PriorTreatment.objects.exists()
    assert not AuditEvent.objects.filter(object_id=str(patient_b.pk)).exists()


def test_clinic_b_search_does_not_leak_into_clinic_a(client_a: Client, patient_b: Patient) -> None:
    assert client_a.get("/api/v1/patients", {"q": "other"}).json() == []
