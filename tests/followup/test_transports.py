"""SMS goes through a pluggable transport; the default only logs, without patient data."""

from __future__ import annotations

import logging

import pytest
from pytest_django.fixtures import Settings

from glabella.accounts.models import Clinic
from glabella.followup import worker
from glabella.followup.models import Message
from glabella.followup.transports import PermanentError
from glabella.patients.models import Patient

from .builders import message_in


class RefusingSms:
    """A provider plug-in that rejects every number."""

    def send(self, message: Message) -> None:
        raise PermanentError("provider: invalid number")


def sms(clinic: Clinic, patient: Patient) -> Message:
    return message_in(
        clinic,
        patient=patient,
        channel="sms",
        to_address=patient.phone,
        body="Your review is tomorrow at 10:00.",
        state="pending",
        permanent=False,
    )


def test_the_logging_transport_logs_no_patient_data(
    clinic_a: Clinic, patient: Patient, caplog: pytest.LogCaptureFixture
) -> None:
    message = sms(clinic_a, patient)
    with caplog.at_level(logging.INFO, logger="glabella.followup.sms"):
        assert worker.drain("w").sent == 1
    logged = caplog.text
    assert f"sms message {message.pk}" in logged
    assert patient.phone not in logged and "review" not in logged


def test_a_plugged_in_sms_transport_is_used(
    clinic_a: Clinic, patient: Patient, settings: Settings
) -> None:
    settings.GLABELLA_SMS_TRANSPORT = "followup.test_transports.RefusingSms"
    message = sms(clinic_a, patient)
    assert worker.drain("w").failed == 1
    message.refresh_from_db()
    assert (message.state, message.permanent) == ("failed", True)
    assert message.last_error == "provider: invalid number"
