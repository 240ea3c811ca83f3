"""Claims are exclusive and leased; an expired lease is reclaimed; outcomes need the claim."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from glabella.accounts.models import Clinic
from glabella.cli.main import main
from glabella.followup import worker
from glabella.followup.models import Message
from glabella.patients.models import Patient

from .builders import message_in
from .conftest import Inbox


def pending(clinic: Clinic, patient: Patient, **fields: object) -> Message:
    return message_in(clinic, patient=patient, state="pending", permanent=False, **fields)


def test_a_claim_takes_due_messages_only(clinic_a: Clinic, patient: Patient) -> None:
    due = pending(clinic_a, patient)
    pending(clinic_a, patient, next_attempt_at=timezone.now() + timedelta(hours=1))
    now = timezone.now()
    claimed = worker.claim("w1", 10, 60, now)
    assert [m.pk for m in claimed] == [due.pk]
    due.refresh_from_db()
    assert (due.state, due.claimed_by, due.attempts) == ("sending", "w1", 1)
    assert due.claim_expires_at == due.next_attempt_at == now + timedelta(seconds=60)
    assert worker.claim("w2", 10, 60, now) == []


def test_an_expired_lease_is_reclaimed_and_the_old_worker_cannot_record(
    clinic_a: Clinic, patient: Patient, smtp: Inbox
) -> None:
    message = pending(clinic_a, patient)
    now = timezone.now()
    [held] = worker.claim("dead", 10, 60, now)
    later = now + timedelta(seconds=61)
    counts = worker.drain("alive", clock=lambda: later)
    assert counts.sent == 1 and len(smtp.mails) == 1
    stale = worker.Batch("dead", clock=lambda: later)
    stale.finish(held, "sent", state="sent")
    assert stale.counts.lost_lease == 1
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("sent", 2)


def test_backoff_doubles_up_to_the_cap() -> None:
    assert worker.backoff(1) == timedelta(minutes=1)
    assert worker.backoff(4) == timedelta(minutes=8)
    assert worker.backoff(30) == timedelta(hours=6)


def test_the_command_prints_counts_only(
    clinic_a: Clinic, patient: Patient, smtp: Inbox, capsys: object
) -> None:
    pending(clinic_a, patient)
    assert main(["worker", "--once"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "sent=1" in out
    assert patient.email not in out and patient.family_name not in out
