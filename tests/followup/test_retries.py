"""Transient SMTP failures retry with backoff; permanent ones surface to the front desk."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from glabella.accounts.models import Clinic
from glabella.followup import worker
from glabella.followup.models import Message
from glabella.patients.models import Patient

from .builders import message_in
from .conftest import Inbox, free_port


def pending(clinic: Clinic, patient: Patient) -> Message:
    return message_in(clinic, patient=patient, state="pending", permanent=False, last_error="")


def test_a_451_reply_is_retried_with_growing_delays(
    clinic_a: Clinic, patient: Patient, smtp: Inbox
) -> None:
    message = pending(clinic_a, patient)
    smtp.refuse = "451 4.3.0 Try again later"
    now = timezone.now()
    delays = []
    for attempt in range(1, 4):
        moment = now + timedelta(hours=attempt)
        counts = worker.drain("w", clock=lambda moment=moment: moment)
        message.refresh_from_db()
        assert counts.retried == 1
        assert (message.state, message.attempts, message.last_error) == (
            "pending",
            attempt,
            "SMTP 451",
        )
        delays.append(message.next_attempt_at - moment)
    assert delays == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]

    smtp.refuse = None
    later: datetime = now + timedelta(hours=5)
    assert worker.drain("w", clock=lambda: later).sent == 1
    assert len(smtp.mails) == 1


def test_a_message_fails_after_the_last_attempt(
    clinic_a: Clinic, patient: Patient, smtp: Inbox
) -> None:
    message = pending(clinic_a, patient)
    Message.objects.filter(pk=message.pk).update(attempts=worker.MAX_ATTEMPTS - 1)
    smtp.refuse = "451 4.3.0 Try again later"
    worker.drain("w")
    message.refresh_from_db()
    assert (message.state, message.permanent) == ("failed", False)


def test_a_550_reply_fails_permanently_at_once(
    clinic_a: Clinic, patient: Patient, smtp: Inbox
) -> None:
    message = pending(clinic_a, patient)
    smtp.refuse = "550 5.1.1 No such user"
    assert worker.drain("w").failed == 1
    message.refresh_from_db()
    assert (message.state, message.permanent, message.attempts) == ("failed", True, 1)
    assert message.last_error == "SMTP 550"


def test_no_server_listening_is_transient(
    clinic_a: Clinic, patient: Patient, settings: Settings
) -> None:
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    message = pending(clinic_a, patient)
    assert worker.drain("w").retried == 1
    message.refresh_from_db()
    assert message.state == "pending" and message.last_error


def test_the_outbox_page_surfaces_failures_and_retries_them(
    clinic_a: Clinic, patient: Patient, front_desk: object, smtp: Inbox
) -> None:
    message = pending(clinic_a, patient)
    smtp.refuse = "550 5.1.1 No such user"
    worker.drain("w")
    client = Client()
    client.force_login(front_desk)  # type: ignore[arg-type]
    page = client.get("/followup/outbox/").content.decode()
    assert "1 message could not be sent" in page
    assert "SMTP 550" in page and f"/followup/outbox/{message.pk}/retry/" in page

    response = client.post(f"/followup/outbox/{message.pk}/retry/")
    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.state, message.attempts, message.permanent) == ("pending", 0, False)
    smtp.refuse = None
    assert worker.drain("w").sent == 1
