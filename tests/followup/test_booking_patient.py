"""Booking takes the patient from the URL; finding one goes through the indexed search."""

from __future__ import annotations

from django.test import Client

from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent
from glabella.followup.models import Appointment
from glabella.patients.actions import register_patient
from glabella.patients.models import Patient

from .builders import patient_in


def someone(clinic: Clinic, family: str, given: str = "Ann") -> Patient:
    return register_patient(
        clinic, family_name=family, given_name=given, birth_date="1979-05-06", sex="female"
    )


def slot(injector: User) -> dict[str, object]:
    return {
        "kind": "consultation",
        "clinician": injector.pk,
        "starts_at": "2030-06-03T09:00",
        "minutes": 20,
    }


def test_the_form_names_the_patient_and_lists_no_patients(
    clinic_a: Clinic, patient: Patient, client_a: Client
) -> None:
    other = someone(clinic_a, "Zander")
    response = client_a.get(f"/followup/appointments/new/?patient={patient.pk}")
    page = response.content.decode()
    assert response.status_code == 200
    assert patient.display_name in page and f"record #{patient.record_number}" in page
    assert 'name="patient"' not in page
    assert other.display_name not in page
    # The only drop-downs are the small, fixed ones: kind and clinician.
    assert page.count("<select") == 2
    assert AuditEvent.objects.filter(
        action="read", object_type="patients.patient", object_id=str(patient.pk)
    ).exists()


def test_another_clinics_patient_is_404_and_nothing_is_booked(
    clinic_b: Clinic, injector: User, client_a: Client
) -> None:
    foreign = patient_in(clinic_b)
    url = f"/followup/appointments/new/?patient={foreign.pk}"
    assert client_a.get(url).status_code == 404
    assert client_a.post(url, slot(injector)).status_code == 404
    assert client_a.get("/followup/appointments/new/?patient=abc").status_code == 404
    assert not Appointment.objects.exists()


def test_booking_is_for_the_patient_in_the_url(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    other = someone(clinic_a, "Zander")
    response = client_a.post(
        f"/followup/appointments/new/?patient={patient.pk}", {**slot(injector), "patient": other.pk}
    )
    appointment = Appointment.objects.get()
    assert response["Location"] == f"/followup/appointments/{appointment.pk}/"
    assert appointment.patient == patient


def test_without_a_patient_the_page_asks_to_find_one(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    page = client_a.get("/followup/appointments/new/").content.decode()
    assert 'hx-get="/followup/appointments/patients/"' in page
    assert "<select" not in page and patient.display_name not in page
    assert client_a.post("/followup/appointments/new/", slot(injector)).status_code == 400
    assert not Appointment.objects.exists()
    # Without JavaScript the same form answers with results on the page.
    found = client_a.get("/followup/appointments/new/?q=doe").content.decode()
    assert f'href="/followup/appointments/new/?patient={patient.pk}"' in found


def test_the_search_partial_links_matches_to_the_booking_form(
    clinic_a: Clinic, clinic_b: Clinic, client_a: Client
) -> None:
    mine = someone(clinic_a, "Smith", "Anna")
    someone(clinic_a, "Jones")
    theirs = someone(clinic_b, "Smith", "Anna")
    response = client_a.get("/followup/appointments/patients/?q=smi", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert f"/followup/appointments/new/?patient={mine.pk}" in page
    assert f"?patient={theirs.pk}" not in page and "JONES" not in page
    assert AuditEvent.objects.filter(action="search", object_type="patients.patient").exists()
    empty = client_a.get("/followup/appointments/patients/?q=", HTTP_HX_REQUEST="true")
    assert "patient=" not in empty.content.decode()


def test_the_search_shows_at_most_fifty(clinic_a: Clinic, client_a: Client) -> None:
    for n in range(55):
        someone(clinic_a, "Many", f"Given{n:02d}")
    page = client_a.get("/followup/appointments/patients/?q=many").content.decode()
    assert page.count("/followup/appointments/new/?patient=") == 50


def test_the_patient_page_and_the_list_offer_booking(
    clinic_a: Clinic, patient: Patient, front_desk: User, client_a: Client
) -> None:
    desk = Client()
    desk.force_login(front_desk)
    for client in (client_a, desk):
        page = client.get(f"/patients/{patient.pk}/").content.decode()
        assert f'href="/followup/appointments/new/?patient={patient.pk}"' in page
        assert "Book appointment" in page
    listing = client_a.get("/followup/appointments/").content.decode()
    assert 'hx-get="/followup/appointments/patients/"' in listing
    assert 'hx-target="#booking-patient-results"' in listing
    assert "<select" not in listing
