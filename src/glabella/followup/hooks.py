"""What follow-up does when a session is signed, inside the signing transaction.

Both steps only write rows (an outbox message, a proposed appointment), so they commit
or roll back with the signature; the worker sends the email after commit. Both are
idempotent: the message has a unique key per session, and a session gets one proposed
review at most.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from glabella.followup.actions import book_appointment
from glabella.followup.aftercare import Sheet
from glabella.followup.compose import aftercare_draft
from glabella.followup.models import Appointment, AppointmentKind, AppointmentStatus, Channel
from glabella.followup.outbox import enqueue_message
from glabella.followup.sessions import sheet_for
from glabella.treatments.models import Session

REVIEW_MINUTES = 15
# A proposal only: the clinic confirms or moves it, so a plausible daytime slot is enough.
OPENING = (time(8), time(18))
DEFAULT_REVIEW_TIME = time(10)


def on_session_signed(session: Session) -> None:
    sheet = sheet_for(session)
    enqueue_message(session.patient, Channel.EMAIL, aftercare_draft(session, sheet))
    propose_review(session, sheet)


def propose_review(session: Session, sheet: Sheet) -> Appointment | None:
    """A proposed review on the engine's review date, at the time of day of the signing."""
    existing = Appointment.objects.filter(session=session, kind=AppointmentKind.REVIEW).first()
    day = sheet.review_on or fallback_review_day(session, sheet)
    if existing is not None or day is None:
        return existing
    starts = review_start(day, session.signed_at or timezone.now(), session.clinic.timezone)
    return book_appointment(
        session.clinic,
        patient=session.patient,
        clinician=session.injector,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=REVIEW_MINUTES),
        kind=AppointmentKind.REVIEW,
        status=AppointmentStatus.PROPOSED,
        notes="Review suggested at signing.",
        session_id=session.pk,
    )


def fallback_review_day(session: Session, sheet: Sheet) -> date | None:
    """Without an engine date, the shortest review interval of the aftercare entries."""
    days = [
        entry.review_after_days.value
        for group in sheet.groups
        for entry in group.entries
        if entry.review_after_days is not None and entry.review_after_days.value is not None
    ]
    if not days:
        return None
    signed = session.signed_at or timezone.now()
    return signed.date() + timedelta(days=int(min(days)))


def review_start(day: date, signed_at: datetime, zone_name: str) -> datetime:
    """The signing's time of day (to the quarter hour) if within opening hours, else 10:00."""
    zone = ZoneInfo(zone_name or "UTC")
    local = signed_at.astimezone(zone)
    slot = time(local.hour, local.minute - local.minute % 15)
    if not OPENING[0] <= slot <= OPENING[1]:
        slot = DEFAULT_REVIEW_TIME
    return datetime.combine(day, slot, tzinfo=zone)
