"""The scheduling step turns coming appointments and refresh forecasts into reminders."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from glabella.accounts.models import Clinic, User
from glabella.followup import actions, schedule, worker
from glabella.followup.models import Message
from glabella.followup.transports.email import IDEMPOTENCY_HEADER
from glabella.patients.models import Patient
from glabella.refresh.models import RefreshForecast

from .builders import appointment_in
from .conftest import Inbox


def test_a_booked_appointment_tomorrow_is_reminded_once_by_email_and_sms(
    clinic_a: Clinic, patient: Patient, clinician: User, smtp: Inbox
) -> None:
    appointment = appointment_in(
        clinic_a,
        patient=patient,
        clinician=clinician,
        starts_at=timezone.now() + timedelta(hours=20),
    )
    assert schedule.enqueue_due(timezone.now()) == 2
    assert schedule.enqueue_due(timezone.now()) == 0

    counts = worker.drain("test-worker")

    assert counts.sent == 2
    [mail] = smtp.mails
    email = Message.objects.get(appointment=appointment, channel="email")
    assert mail[IDEMPOTENCY_HEADER] == email.idempotency_key
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    local = timezone.localtime(appointment.starts_at)
    assert f"{local:%H:%M}" in str(body.get_content())
    assert Message.objects.get(appointment=appointment, channel="sms").state == "sent"


def test_an_appointment_next_week_is_not_reminded_yet(
    clinic_a: Clinic, patient: Patient, clinician: User
) -> None:
    appointment_in(clinic_a, patient=patient, starts_at=timezone.now() + timedelta(days=6))
    assert schedule.enqueue_due(timezone.now()) == 0


def test_rescheduling_cancels_the_old_reminder_and_schedules_a_new_one(
    clinic_a: Clinic, patient: Patient, clinician: User
) -> None:
    starts = timezone.now() + timedelta(hours=5)
    appointment = appointment_in(clinic_a, patient=patient, clinician=clinician, starts_at=starts)
    schedule.enqueue_due(timezone.now())
    actions.reschedule_appointment(
        appointment, starts_at=starts + timedelta(hours=2), ends_at=starts + timedelta(hours=3)
    )
    assert set(Message.objects.values_list("state", flat=True)) == {"cancelled"}
    assert schedule.enqueue_due(timezone.now()) == 2
    assert Message.objects.filter(state="pending").count() == 2


def test_a_refresh_coming_due_is_reminded_with_the_wear_off_link(
    clinic_a: Clinic, patient: Patient, smtp: Inbox
) -> None:
    today = timezone.localdate()
    RefreshForecast.objects.create(
        clinic=clinic_a,
        patient=patient,
        indication="glabellar_lines",
        product="botox_cosmetic",
        product_class="toxin",
        last_treated_on=today - timedelta(days=80),
        predicted_on=today + timedelta(days=10),
        low_on=today + timedelta(days=2),
        high_on=today + timedelta(days=30),
        explanation="Typical duration.",
        basis="prior",
        computed_at=timezone.now(),
    )
    assert schedule.enqueue_due(timezone.now()) == 2
    assert schedule.enqueue_due(timezone.now()) == 0
    message = Message.objects.get(channel="email")
    predicted = (today + timedelta(days=10)).isoformat()
    assert message.idempotency_key == (
        f"refresh_due:{clinic_a.pk}:{patient.pk}:glabellar_lines:{predicted}:email"
    )
    worker.drain("test-worker")
    [mail] = smtp.mails
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    assert "/r/wore-off/" in str(body.get_content())


def test_a_patient_with_a_booked_visit_gets_no_refresh_reminder(
    clinic_a: Clinic, patient: Patient
) -> None:
    today = timezone.localdate()
    appointment_in(clinic_a, patient=patient, starts_at=timezone.now() + timedelta(days=9))
    RefreshForecast.objects.create(
        clinic=clinic_a,
        patient=patient,
        indication="glabellar_lines",
        product="botox_cosmetic",
        product_class="toxin",
        last_treated_on=today - timedelta(days=80),
        predicted_on=today + timedelta(days=3),
        low_on=today,
        high_on=today + timedelta(days=20),
        explanation="Typical duration.",
        basis="prior",
        computed_at=timezone.now(),
    )
    assert schedule.enqueue_refresh_reminders(timezone.now()) == 0
