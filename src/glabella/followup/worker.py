"""The outbox worker: claim due messages, send each, record the outcome.

Delivery semantics, precisely:

- **Claiming is exclusive.** A short transaction selects due rows (``pending`` with
  ``next_attempt_at <= now``, or ``sending`` whose lease expired) with
  ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, marks them ``sending`` with this
  worker's id and a lease, and commits. Concurrent workers skip each other's locked rows
  and, once committed, the rows are no longer due, so no two live workers ever hold the
  same message. SQLite has no row locks; the same update is conditional on the row still
  being due, and SQLite serialises writers, so it stays exclusive there too.
- **Sending happens outside any transaction**, then the outcome is written with an update
  conditional on ``claimed_by`` and ``state = sending``: a worker whose lease ran out
  (and whose row another worker reclaimed) cannot overwrite the newer outcome.
- **Nothing is lost.** A worker killed after claiming leaves its rows ``sending``; when
  the lease expires another worker reclaims and sends them.
- **At-least-once, not exactly-once, for the message in flight.** If a worker dies after
  the transport accepted a message but before it recorded "sent", that one message is
  sent again after the lease expires. No protocol can close that gap from this side
  alone; instead every email carries the idempotency key (``X-Glabella-Idempotency-Key``
  and a ``Message-ID`` derived from it) so the receiving side can drop the duplicate. A
  worker handles one message at a time, so at most one message per killed worker is
  affected; every other message is sent exactly once.

Retries: a transient failure reschedules the message after ``backoff(attempts)``; a
permanent failure, or the last allowed attempt, marks it ``failed`` for the front desk.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from glabella.followup.models import CLAIMABLE, FollowupSettings, Message, MessageState
from glabella.followup.outbox import opted_out
from glabella.followup.quiet import quiet_until
from glabella.followup.transports import TransportError, transport_for

logger = logging.getLogger("glabella.followup.worker")

BATCH_SIZE = 50
# Longer than any single send (SMTP timeout 30 s), so a live worker keeps its claim.
LEASE_SECONDS = 300
# Retry delays: 1 min, 2, 4, 8, 16, 32 min, 1 h 4 min, capped at 6 h; failed after 8 tries.
BACKOFF_BASE_SECONDS = 60
BACKOFF_FACTOR = 2
BACKOFF_MAX_SECONDS = 6 * 3600
MAX_ATTEMPTS = 8
ERROR_LENGTH = 500

Clock = Callable[[], datetime]


def backoff(attempts: int) -> timedelta:
    """Delay before the next try after ``attempts`` failed tries (1-based)."""
    seconds = BACKOFF_BASE_SECONDS * BACKOFF_FACTOR ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, BACKOFF_MAX_SECONDS))


def new_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class Counts:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    suppressed: int = 0
    deferred: int = 0
    lost_lease: int = 0
    claimed: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_text(self) -> str:
        return " ".join(f"{name}={getattr(self, name)}" for name in self.__dataclass_fields__)


def claim(worker: str, batch: int, lease: int, now: datetime) -> list[Message]:
    """Take up to ``batch`` due messages for ``worker``; they stay ours until the lease ends."""
    expires = now + timedelta(seconds=lease)
    due = Message.objects.filter(state__in=CLAIMABLE, next_attempt_at__lte=now)
    with transaction.atomic():
        candidates = due.order_by("next_attempt_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:batch])
        if not ids:
            return []
        due.filter(pk__in=ids).update(
            state=MessageState.SENDING,
            claimed_by=worker,
            claim_expires_at=expires,
            next_attempt_at=expires,
            attempts=F("attempts") + 1,
        )
    mine = Message.objects.filter(
        pk__in=ids, state=MessageState.SENDING, claimed_by=worker, claim_expires_at=expires
    )
    return list(mine.select_related("patient", "clinic").order_by("next_attempt_at", "pk"))


@dataclass
class Batch:
    """One claimed batch being delivered; looks up each clinic's quiet hours once."""

    worker: str
    clock: Clock
    counts: Counts = field(default_factory=Counts)
    quiet: dict[int, FollowupSettings | None] = field(default_factory=dict)

    def deliver(self, message: Message) -> None:
        if opted_out(message.patient, message.channel):
            self.finish(message, "suppressed", state=MessageState.SUPPRESSED)
            return
        until = quiet_until(self.clock(), self.settings_of(message), message.clinic.timezone)
        if until is not None:
            # Deferral is not a failed attempt: give back the attempt the claim counted.
            self.finish(
                message,
                "deferred",
                state=MessageState.PENDING,
                next_attempt_at=until,
                attempts=F("attempts") - 1,
            )
            return
        self.send(message)

    def send(self, message: Message) -> None:
        try:
            transport_for(message.channel).send(message)
        except TransportError as error:
            self.failed(message, str(error), permanent=error.permanent)
        except Exception as error:  # a provider plug-in's bug: retry, never drop
            logger.exception("transport error on message %s", message.pk)
            self.failed(message, type(error).__name__, permanent=False)
        else:
            self.finish(message, "sent", state=MessageState.SENT, sent_at=self.clock())

    def failed(self, message: Message, error: str, permanent: bool) -> None:
        error = error[:ERROR_LENGTH]
        if permanent or message.attempts >= MAX_ATTEMPTS:
            self.finish(
                message, "failed", state=MessageState.FAILED, permanent=permanent, last_error=error
            )
            return
        retry_at = self.clock() + backoff(message.attempts)
        self.finish(
            message,
            "retried",
            state=MessageState.PENDING,
            next_attempt_at=retry_at,
            last_error=error,
        )

    def finish(self, message: Message, outcome: str, **fields: Any) -> None:
        """Record the outcome, only if this worker still holds the claim."""
        updated = Message.objects.filter(
            pk=message.pk, state=MessageState.SENDING, claimed_by=self.worker
        ).update(claimed_by="", claim_expires_at=None, **fields)
        if updated:
            setattr(self.counts, outcome, getattr(self.counts, outcome) + 1)
        else:
            self.counts.lost_lease += 1
            logger.warning("message %s: lease lost before recording %s", message.pk, outcome)

    def settings_of(self, message: Message) -> FollowupSettings | None:
        if message.clinic_id not in self.quiet:
            found = FollowupSettings.objects.filter(clinic_id=message.clinic_id).first()
            self.quiet[message.clinic_id] = found
        return self.quiet[message.clinic_id]


def run_batch(
    worker: str, batch: int = BATCH_SIZE, lease: int = LEASE_SECONDS, clock: Clock = timezone.now
) -> Counts:
    """Claim one batch and deliver it; the counts say what happened."""
    messages = claim(worker, batch, lease, clock())
    delivery = Batch(worker, clock)
    delivery.counts.claimed = len(messages)
    for message in messages:
        delivery.deliver(message)
    return delivery.counts


def drain(
    worker: str,
    batch: int = BATCH_SIZE,
    lease: int = LEASE_SECONDS,
    clock: Clock = timezone.now,
    should_stop: Callable[[], bool] = lambda: False,
) -> Counts:
    """Deliver batches until nothing is due (or ``should_stop``); one pass of the worker."""
    total = Counts()
    while not should_stop():
        counts = run_batch(worker, batch, lease, clock)
        total.add(counts)
        if counts.claimed == 0:
            break
    return total
