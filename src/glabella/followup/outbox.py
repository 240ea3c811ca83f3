"""Writes to the outbox: enqueue a message (idempotently), retry one, cancel some.

The caller owns the transaction. Enqueueing inside another write's transaction (signing,
booking) is what makes the outbox transactional: the message exists exactly when the
write committed, and the worker sends it later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from glabella.errors import Conflict
from glabella.followup.models import Appointment, Channel, Message, MessageState
from glabella.patients.models import Patient


@dataclass(frozen=True)
class Draft:
    """A message to enqueue; ``key`` is its idempotency key without the channel suffix."""

    kind: str
    key: str
    subject: str
    body: str
    html: str = ""
    due_at: datetime | None = None
    related: dict[str, object] = field(default_factory=dict)


def address_of(patient: Patient, channel: str) -> str:
    return patient.email if channel == Channel.EMAIL else patient.phone


def opted_out(patient: Patient, channel: str) -> bool:
    return patient.email_opt_out if channel == Channel.EMAIL else patient.sms_opt_out


def enqueue_message(patient: Patient, channel: str, draft: Draft) -> Message | None:
    """Insert the message once per ``draft.key`` and channel; None when there is no address.

    Enqueueing the same key twice returns the existing row unchanged. A patient who opted
    out of the channel gets a ``suppressed`` row, so the outbox shows why nothing was sent.
    """
    address = address_of(patient, channel)
    if not address:
        return None
    due = draft.due_at or timezone.now()
    message, _ = Message.objects.get_or_create(
        idempotency_key=f"{draft.key}:{channel}",
        defaults={
            "clinic_id": patient.clinic_id,
            "patient": patient,
            "kind": draft.kind,
            "channel": channel,
            "to_address": address,
            "subject": draft.subject,
            "body": draft.body,
            "html": draft.html,
            "due_at": due,
            "next_attempt_at": due,
            "state": MessageState.SUPPRESSED
            if opted_out(patient, channel)
            else MessageState.PENDING,
            **draft.related,
        },
    )
    return message


def retry_message(message: Message) -> Message:
    """Put a failed message back in the queue now (the front desk's retry button)."""
    now = timezone.now()
    updated = Message.objects.filter(pk=message.pk, state=MessageState.FAILED).update(
        state=MessageState.PENDING,
        next_attempt_at=now,
        permanent=False,
        attempts=0,
        claimed_by="",
        claim_expires_at=None,
    )
    if not updated:
        raise Conflict("not_failed", "Only a failed message can be retried.")
    message.refresh_from_db()
    return message


def cancel_messages_of(appointment: Appointment) -> int:
    """Cancel reminders of an appointment that are not out yet (reschedule or cancel)."""
    return Message.objects.filter(
        Q(state=MessageState.PENDING) | Q(state=MessageState.FAILED),
        appointment=appointment,
    ).update(state=MessageState.CANCELLED)
