from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from glabella.accounts.models import User
from glabella.audit.models import AuditEvent
from glabella.patients.actions import record_prior_treatment, record_profile
from glabella.patients.models import Patient


def test_viewing_a_patient_writes_an_audit_read_row(client_a: Client, patient: Patient) -> None:
    response = client_a.get(f"/patients/{patient.pk}/")
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="read")
    assert (event.object_type, event.object_id) == ("patients.patient", str(patient.pk))
    assert event.user is not None and event.user.username == "ines_injector"
    assert event.clinic_id == patient.clinic_id


def test_the_page_shows_the_latest_profile_and_history(
    client_a: Client, patient: Patient, injector: User
) -> None:
    record_profile(patient, recorded_by=injector, conditions=["myasthenia_gravis"])
    body = client_a.get(f"/patients/{patient.pk}/").content.decode()
    assert "SMITH, Anna" in body
    assert "myasthenia_gravis" in body
    assert "Record a new snapshot" in body


def test_front_desk_sees_demographics_but_no_clinical_data(
    front_desk: User, patient: Patient, injector: User
) -> None:
    record_profile(patient, recorded_by=injector, conditions=["myasthenia_gravis"])
    client = Client()
    client.force_login(front_desk)
    body = client.get(f"/patients/{patient.pk}/").content.decode()
    assert "SMITH, Anna" in body
    assert "myasthenia_gravis" not in body
    assert "Medical profile" not in body


def test_a_visitor_is_sent_to_the_login_page(patient: Patient) -> None:
    response = Client().get(f"/patients/{patient.pk}/")
    assert response.status_code == 302
    assert not AuditEvent.objects.exists()


def test_the_page_runs_the_same_queries_however_long_the_history(
    client_a: Client, patient: Patient, injector: User
) -> None:
    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client_a.get(f"/patients/{patient.pk}/").status_code == 200
        return len(captured)

    record_profile(patient, recorded_by=injector, weight_kg="60")
    record_prior_treatment(
        patient, date="2026-01-01", product="botox", indication="glabellar_lines", units=20
    )
    short_history = queries_for_page()
    for weight in ("61", "62"):
        record_profile(patient, recorded_by=injector, weight_kg=weight)
    for month in (2, 3, 4):
        record_prior_treatment(
            patient,
            date=f"2026-0{month}-01",
            product="botox",
            indication="glabellar_lines",
            units=20,
            injector=injector,
        )
    assert queries_for_page() == short_history
    # Session, profile, history, sessions, forecasts and audit: a fixed, small number.
    assert short_history <= 14
