"""JSON API: due list, a patient's forecasts, clinician wear-off reports."""

from __future__ import annotations

from django.test import Client

from conftest import signed_in
from glabella.accounts.models import User
from glabella.audit.models import AuditEvent
from glabella.patients.models import Patient

from .conftest import days_ago, treat

BASE = "/api/v1/refresh"


def test_the_due_list_is_paged_json(front_desk: User, patient: Patient) -> None:
    treat(patient, days_ago(100))
    response = signed_in(front_desk).get(f"{BASE}/due", {"within_days": 30})
    assert response.status_code == 200
    body = response.json()
    assert body["next_after"] is None
    [row] = body["rows"]
    assert row["patient_id"] == patient.pk
    assert row["predicted_on"] == days_ago(-5).isoformat()
    assert row["contact"] == "email, text"


def test_a_too_long_window_is_rejected(front_desk: User) -> None:
    response = signed_in(front_desk).get(f"{BASE}/due", {"within_days": 5000})
    assert response.status_code == 422


def test_a_clinician_reads_a_patients_forecasts(client_a: Client, patient: Patient) -> None:
    treat(patient, days_ago(10))
    response = client_a.get(f"{BASE}/patients/{patient.pk}/forecasts")
    [forecast] = response.json()
    assert forecast["indication"] == "glabellar_lines"
    assert forecast["low_on"] == days_ago(10 - 90).isoformat()
    assert AuditEvent.objects.filter(action="read", channel="api", object_id=str(patient.pk))


def test_the_front_desk_cannot_read_forecasts(front_desk: User, patient: Patient) -> None:
    response = signed_in(front_desk).get(f"{BASE}/patients/{patient.pk}/forecasts")
    assert response.status_code == 403


def test_a_clinician_reports_a_wear_off(client_a: Client, patient: Patient) -> None:
    treat(patient, days_ago(150))
    payload = {"indication": "glabellar_lines", "reported_on": days_ago(20).isoformat()}
    response = client_a.post(
        f"{BASE}/patients/{patient.pk}/wear-off", payload, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["days"] == 130
    forecasts = client_a.get(f"{BASE}/patients/{patient.pk}/forecasts").json()
    assert forecasts[0]["basis"] == "blended"


def test_a_wear_off_in_the_future_is_refused(client_a: Client, patient: Patient) -> None:
    payload = {"indication": "glabellar_lines", "reported_on": days_ago(-2).isoformat()}
    response = client_a.post(
        f"{BASE}/patients/{patient.pk}/wear-off", payload, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "reported_in_future"


def test_a_clinician_lists_the_wear_off_reports(client_a: Client, patient: Patient) -> None:
    treat(patient, days_ago(150))
    payload = {"indication": "glabellar_lines", "reported_on": days_ago(20).isoformat()}
    client_a.post(
        f"{BASE}/patients/{patient.pk}/wear-off", payload, content_type="application/json"
    )
    [report] = client_a.get(f"{BASE}/patients/{patient.pk}/wear-off").json()
    assert (report["source"], report["treated_on"]) == ("clinician", days_ago(150).isoformat())
