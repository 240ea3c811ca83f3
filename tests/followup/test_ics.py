"""Appointments export as iCalendar; vobject, an independent parser, reads them back."""

from __future__ import annotations

from datetime import timedelta

import vobject
from django.test import Client
from django.utils import timezone

from glabella.accounts.models import Clinic, User
from glabella.followup import actions
from glabella.patients.models import Patient

from .builders import appointment_in


def parse(body: bytes) -> vobject.base.Component:
    return vobject.readOne(body.decode())


def test_an_appointment_downloads_as_one_event(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    appointment = appointment_in(clinic_a, patient=patient, clinician=injector)
    response = client_a.get(f"/followup/appointments/{appointment.pk}/ics/")
    assert response["Content-Type"].startswith("text/calendar")
    event = parse(response.content).vevent
    assert event.uid.value == f"appointment-{appointment.pk}@clinic-a.glabella"
    assert event.dtstart.value == appointment.starts_at
    assert event.dtend.value == appointment.ends_at
    assert event.status.value == "CONFIRMED"
    assert event.summary.value == f"Treatment: {patient.display_name}"


def test_a_cancelled_appointment_keeps_its_uid_with_a_higher_sequence(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    appointment = appointment_in(clinic_a, patient=patient, clinician=injector)
    before = parse(client_a.get(f"/followup/appointments/{appointment.pk}/ics/").content).vevent
    actions.cancel_appointment(appointment)
    after = parse(client_a.get(f"/followup/appointments/{appointment.pk}/ics/").content).vevent
    assert after.uid.value == before.uid.value
    assert after.status.value == "CANCELLED"
    assert int(after.sequence.value) == int(before.sequence.value) + 1


def test_the_private_feed_lists_the_clinicians_appointments_without_names(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    soon = timezone.now() + timedelta(days=2)
    first = appointment_in(clinic_a, patient=patient, clinician=injector, starts_at=soon)
    second = appointment_in(
        clinic_a, patient=patient, clinician=injector, starts_at=soon + timedelta(days=1)
    )
    actions.cancel_appointment(second)
    appointment_in(clinic_a, patient=patient)  # another clinician's: not in this feed
    token = actions.rotate_feed(clinic_a, injector)

    response = Client().get(f"/followup/feed/{token}.ics")  # no session: the token is enough

    assert response.status_code == 200
    calendar = parse(response.content)
    events = {event.uid.value: event for event in calendar.vevent_list}
    assert set(events) == {
        f"appointment-{first.pk}@clinic-a.glabella",
        f"appointment-{second.pk}@clinic-a.glabella",
    }
    cancelled = events[f"appointment-{second.pk}@clinic-a.glabella"]
    assert cancelled.status.value == "CANCELLED"
    summary = events[f"appointment-{first.pk}@clinic-a.glabella"].summary.value
    assert summary == f"Treatment: patient #{patient.record_number}"
    assert patient.family_name.upper() not in response.content.decode()


def test_rotating_the_feed_retires_the_old_url(clinic_a: Clinic, injector: User) -> None:
    old = actions.rotate_feed(clinic_a, injector)
    new = actions.rotate_feed(clinic_a, injector)
    assert Client().get(f"/followup/feed/{old}.ics").status_code == 404
    assert Client().get(f"/followup/feed/{new}.ics").status_code == 200
    assert Client().get("/followup/feed/cal_guessed.ics").status_code == 404


def test_the_feed_page_shows_the_url_once(client_a: Client) -> None:
    page = client_a.post("/followup/calendar/").content.decode()
    assert "/followup/feed/cal_" in page
    assert "/followup/feed/cal_" not in client_a.get("/followup/calendar/").content.decode()
