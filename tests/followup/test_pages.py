"""The appointment pages book, move, confirm and cancel through the same actions."""

from __future__ import annotations

from django.test import Client

from glabella.accounts.models import Clinic, User
from glabella.followup.models import Appointment
from glabella.patients.models import Patient

from .builders import appointment_in


def test_booking_from_the_form_uses_the_clinic_time(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    clinic_a.timezone = "Europe/Paris"
    clinic_a.save()
    response = client_a.post(
        f"/followup/appointments/new/?patient={patient.pk}",
        {
            "kind": "consultation",
            "clinician": injector.pk,
            "starts_at": "2030-06-03T09:00",
            "minutes": 20,
            "notes": "",
        },
    )
    appointment = Appointment.objects.get()
    assert response["Location"] == f"/followup/appointments/{appointment.pk}/"
    assert appointment.starts_at.isoformat() == "2030-06-03T07:00:00+00:00"
    assert (appointment.ends_at - appointment.starts_at).seconds == 20 * 60


def test_a_double_booking_shows_on_the_form(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    taken = appointment_in(clinic_a, patient=patient, clinician=injector)
    response = client_a.post(
        f"/followup/appointments/new/?patient={patient.pk}",
        {
            "kind": "treatment",
            "clinician": injector.pk,
            "starts_at": taken.starts_at.strftime("%Y-%m-%dT%H:%M"),
            "minutes": 30,
        },
    )
    assert response.status_code == 200
    assert "already has an appointment" in response.content.decode()


def test_a_proposed_review_is_confirmed_then_cancelled(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    review = appointment_in(
        clinic_a, patient=patient, clinician=injector, kind="review", status="proposed"
    )
    page = client_a.get(f"/followup/appointments/{review.pk}/").content.decode()
    assert "Book this review" in page
    client_a.post(f"/followup/appointments/{review.pk}/confirm/")
    review.refresh_from_db()
    assert review.status == "booked"
    client_a.post(f"/followup/appointments/{review.pk}/cancel/")
    review.refresh_from_db()
    assert (review.status, review.sequence) == ("cancelled", 2)


def test_the_list_shows_upcoming_appointments(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    appointment_in(clinic_a, patient=patient, clinician=injector)
    page = client_a.get("/followup/appointments/").content.decode()
    assert patient.display_name in page
    assert 'href="/followup/outbox/"' in page
