"""Writes for appointments and calendar feeds. The caller owns the transaction.

Booking rules: the appointment ends after it starts, the clinician is a member of the
clinic, the patient belongs to the clinic, and a clinician is never booked twice at the
same time (proposed and cancelled appointments do not hold the slot).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from django.db.models import F
from django.utils import timezone

from glabella.accounts.models import Clinic, Membership, User
from glabella.errors import Conflict, InvalidInput
from glabella.followup.models import Appointment, AppointmentKind, AppointmentStatus, CalendarFeed
from glabella.followup.outbox import cancel_messages_of
from glabella.patients.models import Patient

FEED_TOKEN_PREFIX = "cal_"


def book_appointment(
    clinic: Clinic,
    *,
    patient: Patient,
    clinician: User,
    starts_at: datetime,
    ends_at: datetime,
    kind: str,
    notes: str = "",
    status: str = AppointmentStatus.BOOKED,
    session_id: int | None = None,
) -> Appointment:
    check_kind(kind)
    check_times(starts_at, ends_at)
    check_people(clinic, patient, clinician)
    if status == AppointmentStatus.BOOKED:
        check_free(clinician, starts_at, ends_at)
    return Appointment.objects.create(
        clinic=clinic,
        patient=patient,
        clinician=clinician,
        starts_at=starts_at,
        ends_at=ends_at,
        kind=kind,
        status=status,
        notes=notes,
        session_id=session_id,
    )


def reschedule_appointment(
    appointment: Appointment,
    *,
    starts_at: datetime,
    ends_at: datetime,
    clinician: User | None = None,
) -> Appointment:
    check_open(appointment)
    clinician = clinician or appointment.clinician
    check_times(starts_at, ends_at)
    check_people(appointment.clinic, appointment.patient, clinician)
    if appointment.status == AppointmentStatus.BOOKED:
        check_free(clinician, starts_at, ends_at, exclude=appointment.pk)
    appointment.starts_at, appointment.ends_at = starts_at, ends_at
    appointment.clinician = clinician
    save_changed(appointment, "starts_at", "ends_at", "clinician")
    cancel_messages_of(appointment)
    return appointment


def cancel_appointment(appointment: Appointment) -> Appointment:
    check_open(appointment)
    appointment.status = AppointmentStatus.CANCELLED
    save_changed(appointment, "status")
    cancel_messages_of(appointment)
    return appointment


def confirm_proposed_review(appointment: Appointment) -> Appointment:
    """Book a proposed appointment (the review suggested at signing) in its slot."""
    if appointment.status != AppointmentStatus.PROPOSED:
        raise Conflict("not_proposed", "Only a proposed appointment can be confirmed.", "status")
    check_free(appointment.clinician, appointment.starts_at, appointment.ends_at, appointment.pk)
    appointment.status = AppointmentStatus.BOOKED
    save_changed(appointment, "status")
    return appointment


def save_changed(appointment: Appointment, *fields: str) -> None:
    """Save and bump the iCalendar SEQUENCE so calendar clients take the change."""
    appointment.sequence = F("sequence") + 1
    appointment.save(update_fields=[*fields, "sequence", "updated_at"])
    appointment.refresh_from_db(fields=["sequence"])


def check_kind(kind: str) -> None:
    if kind not in AppointmentKind.values:
        raise InvalidInput("invalid_kind", f"Unknown appointment kind {kind!r}.", "kind")


def check_times(starts_at: datetime, ends_at: datetime) -> None:
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise InvalidInput("naive_time", "Times need a timezone.", "starts_at")
    if ends_at <= starts_at:
        raise InvalidInput(
            "ends_before_start", "The appointment must end after it starts.", "ends_at"
        )


def check_people(clinic: Clinic, patient: Patient, clinician: User) -> None:
    if patient.clinic_id != clinic.pk:
        raise InvalidInput("unknown_patient", "No such patient in this clinic.", "patient")
    if not Membership.objects.filter(clinic=clinic, user=clinician).exists():
        raise InvalidInput(
            "not_a_member", "The clinician is not a member of this clinic.", "clinician"
        )


def check_open(appointment: Appointment) -> None:
    if appointment.status == AppointmentStatus.CANCELLED:
        raise Conflict("cancelled", "The appointment is cancelled.", "status")


def check_free(
    clinician: User, starts_at: datetime, ends_at: datetime, exclude: int | None = None
) -> None:
    """No booked appointment of the clinician overlaps [starts_at, ends_at)."""
    overlapping = Appointment.objects.filter(
        clinician=clinician,
        status=AppointmentStatus.BOOKED,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    )
    if exclude is not None:
        overlapping = overlapping.exclude(pk=exclude)
    # Lock the clinician's row so two concurrent bookings cannot both see a free slot.
    User.objects.select_for_update().filter(pk=clinician.pk).first()
    if overlapping.exists():
        raise Conflict(
            "double_booked", "The clinician already has an appointment at that time.", "starts_at"
        )


def feed_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def rotate_feed(clinic: Clinic, clinician: User) -> str:
    """Create or replace the clinician's feed token; the old URL stops working at once."""
    token = FEED_TOKEN_PREFIX + secrets.token_urlsafe(32)
    feed, created = CalendarFeed.objects.get_or_create(
        clinic=clinic, clinician=clinician, defaults={"digest": feed_digest(token)}
    )
    if not created:
        feed.digest = feed_digest(token)
        feed.rotated_at = timezone.now()
        feed.save(update_fields=["digest", "rotated_at"])
    return token
