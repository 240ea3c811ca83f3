"""The worker's scheduling step: turn what is coming due into outbox messages.

- Appointment reminders: a booked appointment starting within the clinic's reminder lead
  (default 24 h) gets one reminder per channel; the appointment's SEQUENCE is in the key,
  so a reschedule (which cancels the old reminder) gets a fresh one.
- Refresh due: a refresh forecast whose predicted date enters the next
  :data:`REFRESH_LEAD_DAYS` gets a "time to book" reminder with the one-click wear-off
  link, unless the patient already has a booked appointment ahead. Its key is
  clinic/patient/indication/predicted_on, so a forecast that moves gets a new reminder
  and one that does not is never reminded twice.

Both are idempotent (unique keys), so several workers may run this step at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from glabella.followup.compose import appointment_draft, refresh_draft
from glabella.followup.models import (
    Appointment,
    AppointmentStatus,
    Channel,
    FollowupSettings,
    Message,
    MessageKind,
    MessageState,
)
from glabella.followup.outbox import enqueue_message
from glabella.refresh.links import wear_off_link
from glabella.refresh.models import RefreshForecast

DEFAULT_LEAD_HOURS = 24
MAX_LEAD_HOURS = 7 * 24
REFRESH_LEAD_DAYS = 14
# A forecast that came due while no worker ran is still reminded within this grace period.
REFRESH_GRACE_DAYS = 7
CHANNELS = (Channel.EMAIL, Channel.SMS)


def enqueue_due(now: datetime) -> int:
    return enqueue_appointment_reminders(now) + enqueue_refresh_reminders(now)


def enqueue_appointment_reminders(now: datetime) -> int:
    reminded = Message.objects.filter(appointment=OuterRef("pk")).exclude(
        state=MessageState.CANCELLED
    )
    upcoming = (
        Appointment.objects.filter(
            status=AppointmentStatus.BOOKED,
            starts_at__gt=now,
            starts_at__lte=now + timedelta(hours=MAX_LEAD_HOURS),
        )
        .filter(~Exists(reminded))
        .select_related("clinic", "patient")
    )
    leads = dict(FollowupSettings.objects.values_list("clinic_id", "reminder_lead_hours"))
    count = 0
    for appointment in upcoming:
        lead = timedelta(hours=leads.get(appointment.clinic_id, DEFAULT_LEAD_HOURS))
        if appointment.starts_at - lead > now:
            continue
        for channel in CHANNELS:
            draft = appointment_draft(appointment, channel, due_at=now)
            count += enqueue_message(appointment.patient, channel, draft) is not None
    return count


def enqueue_refresh_reminders(now: datetime) -> int:
    today = now.date()
    booked_ahead = Appointment.objects.filter(
        patient=OuterRef("patient"), status=AppointmentStatus.BOOKED, starts_at__gt=now
    )
    due = (
        RefreshForecast.objects.filter(
            predicted_on__gte=today - timedelta(days=REFRESH_GRACE_DAYS),
            predicted_on__lte=today + timedelta(days=REFRESH_LEAD_DAYS),
        )
        .filter(~Exists(booked_ahead))
        .select_related("clinic", "patient")
    )
    count = 0
    for forecast in due:
        key = refresh_key(forecast)
        existing = Message.objects.filter(
            Q(idempotency_key=f"{key}:{Channel.EMAIL}") | Q(idempotency_key=f"{key}:{Channel.SMS}")
        )
        if existing.exists():
            continue
        link = settings.GLABELLA_BASE_URL + wear_off_link(forecast.patient, forecast.indication)
        for channel in CHANNELS:
            draft = refresh_draft(forecast.patient, forecast.clinic, forecast, link, channel, key)
            count += enqueue_message(forecast.patient, channel, draft) is not None
    return count


def refresh_key(forecast: RefreshForecast) -> str:
    return (
        f"{MessageKind.REFRESH_DUE}:{forecast.clinic_id}:{forecast.patient_id}:"
        f"{forecast.indication}:{forecast.predicted_on.isoformat()}"
    )
