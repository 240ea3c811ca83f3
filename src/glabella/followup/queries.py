"""Reads for follow-up pages and the API; every list is scoped to one clinic."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Case, IntegerField, QuerySet, Value, When

from glabella.accounts.models import Clinic
from glabella.followup import actions
from glabella.followup.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    CalendarFeed,
    Message,
    MessageKind,
)
from glabella.followup.models import MessageState as S

FEED_PAST_DAYS = 90
FEED_FUTURE_DAYS = 366
OUTBOX_LIMIT = 200


def appointments_of(clinic: Clinic) -> QuerySet[Appointment]:
    return Appointment.objects.filter(clinic=clinic).select_related("patient", "clinician")


def upcoming(clinic: Clinic, since: datetime, days: int = 60) -> QuerySet[Appointment]:
    """Proposed and booked appointments from ``since``, in time order."""
    return (
        appointments_of(clinic)
        .filter(starts_at__gte=since, starts_at__lt=since + timedelta(days=days))
        .exclude(status=AppointmentStatus.CANCELLED)
        .order_by("starts_at", "pk")
    )


def review_of_session(clinic: Clinic, session_id: int) -> Appointment | None:
    """The session's open review visit (proposed or booked), its clinician joined in."""
    return (
        appointments_of(clinic)
        .filter(session_id=session_id, kind=AppointmentKind.REVIEW)
        .exclude(status=AppointmentStatus.CANCELLED)
        .order_by("-starts_at", "-pk")
        .first()
    )


def aftercare_of_session(clinic: Clinic, session_id: int) -> Message | None:
    """The session's aftercare message; None when the patient had no address to send to."""
    return (
        Message.objects.filter(clinic=clinic, session_id=session_id, kind=MessageKind.AFTERCARE)
        .order_by("pk")
        .first()
    )


def feed_appointments(feed: CalendarFeed, now: datetime) -> QuerySet[Appointment]:
    """The clinician's appointments in this clinic, recent past to a year ahead."""
    return (
        Appointment.objects.filter(clinic=feed.clinic, clinician=feed.clinician)
        .filter(
            starts_at__gte=now - timedelta(days=FEED_PAST_DAYS),
            starts_at__lt=now + timedelta(days=FEED_FUTURE_DAYS),
        )
        .select_related("patient", "clinic")
        .order_by("starts_at", "pk")
    )


def outbox(clinic: Clinic, state: str | None = None) -> QuerySet[Message]:
    """Failed messages first (they need the front desk), then the newest."""
    attention = Case(
        When(state=S.FAILED, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    messages = Message.objects.filter(clinic=clinic).select_related("patient")
    if state:
        messages = messages.filter(state=state)
    return messages.order_by(attention, "-due_at", "-pk")[:OUTBOX_LIMIT]


def failed_count(clinic: Clinic) -> int:
    return Message.objects.filter(clinic=clinic, state=S.FAILED).count()


def feed_for_token(token: str) -> CalendarFeed | None:
    if not token.startswith(actions.FEED_TOKEN_PREFIX):
        return None
    return (
        CalendarFeed.objects.select_related("clinic", "clinician")
        .filter(digest=actions.feed_digest(token))
        .first()
    )
