"""A patient who opted out of a channel is never sent anything on it."""

from __future__ import annotations

from glabella.accounts.models import Clinic
from glabella.followup import worker
from glabella.followup.compose import Draft
from glabella.followup.models import Message
from glabella.followup.outbox import enqueue_message
from glabella.patients.models import Patient

from .builders import message_in, patient_in
from .conftest import Inbox

DRAFT = Draft(kind="refresh_due", key="refresh_due:test", subject="Hello", body="Time to book.")


def test_an_opted_out_patient_gets_a_suppressed_row(clinic_a: Clinic, smtp: Inbox) -> None:
    patient = patient_in(clinic_a, email_opt_out=True)
    message = enqueue_message(patient, "email", DRAFT)
    assert message is not None and message.state == "suppressed"
    assert worker.drain("w").claimed == 0
    assert smtp.mails == []


def test_opting_out_after_enqueueing_still_suppresses(
    clinic_a: Clinic, patient: Patient, smtp: Inbox
) -> None:
    message = message_in(clinic_a, patient=patient, state="pending", permanent=False)
    patient.email_opt_out = True
    patient.save()
    assert worker.drain("w").suppressed == 1
    message.refresh_from_db()
    assert message.state == "suppressed"
    assert smtp.mails == []


def test_sms_opt_out_does_not_stop_email(clinic_a: Clinic) -> None:
    patient = patient_in(clinic_a, sms_opt_out=True)
    email = enqueue_message(patient, "email", DRAFT)
    sms = enqueue_message(patient, "sms", DRAFT)
    assert email is not None and sms is not None
    assert (email.state, sms.state) == ("pending", "suppressed")


def test_no_address_means_no_message(clinic_a: Clinic) -> None:
    patient = patient_in(clinic_a, phone="")
    assert enqueue_message(patient, "sms", DRAFT) is None
    assert not Message.objects.exists()
