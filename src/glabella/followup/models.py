"""Appointments, clinicians' calendar feeds, the reminders outbox and clinic follow-up settings.

Every table carries ``clinic`` so each query filters by tenant directly (and the tables
can be distributed by clinic later). The outbox is *transactional*: a :class:`Message`
row is inserted in the same transaction as the write that caused it (signing a
session, booking), and only the worker (:mod:`glabella.followup.worker`) talks to the
outside world.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class AppointmentKind(models.TextChoices):
    REVIEW = "review", "Review"
    TREATMENT = "treatment", "Treatment"
    CONSULTATION = "consultation", "Consultation"


class AppointmentStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    BOOKED = "booked", "Booked"
    CANCELLED = "cancelled", "Cancelled"


class Appointment(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="appointments"
    )
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=AppointmentKind.choices)
    status = models.CharField(
        max_length=20, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    session = models.ForeignKey(
        "treatments.Session",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    notes = models.TextField(blank=True)
    # iCalendar SEQUENCE: bumped on every change a calendar client must pick up.
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="appointment_ends_after_start"
            )
        ]
        indexes = [
            models.Index(fields=["clinic", "starts_at"], name="appointment_clinic_day"),
            models.Index(fields=["clinician", "starts_at"], name="appointment_clinician_day"),
            models.Index(fields=["patient", "starts_at"], name="appointment_patient_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%Y-%m-%d %H:%M} ({self.status})"


class CalendarFeed(models.Model):
    """A clinician's private calendar feed; only a SHA-256 digest of its token is stored."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    rotated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "clinician"], name="one_feed_per_clinician")
        ]

    def __str__(self) -> str:
        return f"Calendar feed of user {self.clinician_id} in clinic {self.clinic_id}"


class MessageKind(models.TextChoices):
    AFTERCARE = "aftercare", "Aftercare"
    REVIEW = "review", "Review reminder"
    REFRESH_DUE = "refresh_due", "Refresh due"
    APPOINTMENT = "appointment", "Appointment reminder"


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    SMS = "sms", "SMS"


class MessageState(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"
    SUPPRESSED = "suppressed", "Suppressed (opted out)"


# States a worker may claim: due pending rows, and rows whose claim lease expired.
CLAIMABLE = (MessageState.PENDING, MessageState.SENDING)


class Message(models.Model):
    """One outgoing message; its ``idempotency_key`` makes enqueueing and delivery idempotent.

    ``next_attempt_at`` is the single "look at me after" time the worker claims on: for a
    pending row it is when the next attempt is due; while a worker holds the row
    (``sending``) it equals the lease expiry (``claim_expires_at``), so a row abandoned by
    a killed worker becomes claimable again by the same index scan.
    """

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(max_length=20, choices=MessageKind.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    to_address = models.CharField(max_length=254)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    html = models.TextField(blank=True)
    due_at = models.DateTimeField()
    state = models.CharField(
        max_length=20, choices=MessageState.choices, default=MessageState.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_by = models.CharField(max_length=100, blank=True)
    claim_expires_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    permanent = models.BooleanField(default=False)
    idempotency_key = models.CharField(max_length=200, unique=True)
    appointment = models.ForeignKey(
        Appointment, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    session = models.ForeignKey(
        "treatments.Session",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followup_messages",
    )
    # Forecast rows are replaced on every recompute, so this is a plain reference.
    forecast_ref = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            # The claim query: state IN (pending, sending) AND next_attempt_at <= now.
            models.Index(fields=["state", "next_attempt_at"], name="message_claim"),
            models.Index(fields=["clinic", "state", "-due_at"], name="message_outbox"),
            models.Index(fields=["patient", "-due_at"], name="message_patient"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.channel} ({self.state})"

    @property
    def needs_attention(self) -> bool:
        return self.state == MessageState.FAILED


class FollowupSettings(models.Model):
    """Per-clinic follow-up settings: quiet hours in the clinic's local time.

    ``quiet_start`` and ``quiet_end`` are local wall-clock times; a window may wrap past
    midnight (21:00-08:00). Equal times mean no quiet hours. The timezone defaults to the
    clinic's own.
    """

    clinic = models.OneToOneField(
        "accounts.Clinic", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    timezone = models.CharField(max_length=64, blank=True)
    reminder_lead_hours = models.PositiveIntegerField(default=24)

    def __str__(self) -> str:
        return f"Follow-up settings of clinic {self.clinic_id}"
