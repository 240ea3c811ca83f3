"""Patients, clinicians, appointments and outbox messages for the follow-up tests."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from glabella.accounts.models import Clinic, Membership, User
from glabella.accounts.roles import Role
from glabella.followup.models import Appointment, Message
from glabella.patients.actions import register_patient
from glabella.patients.models import Patient


def patient_in(clinic: Clinic, **contact: Any) -> Patient:
    patient = register_patient(
        clinic, family_name="Doe", given_name="Jane", birth_date="1986-04-02", sex="female"
    )
    fields = {"email": "jane.doe@example.org", "phone": "+15550100", **contact}
    for name, value in fields.items():
        setattr(patient, name, value)
    patient.save()
    return patient


def clinician_in(clinic: Clinic, name: str = "carla") -> User:
    user = User.objects.create(username=f"{name}_{clinic.slug}", first_name=name.capitalize())
    Membership.objects.create(user=user, clinic=clinic, role=Role.INJECTOR.value)
    return user


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A time ``day`` days from now at a fixed UTC hour (always in the future for day >= 1)."""
    base = timezone.now().replace(hour=hour, minute=minute, second=0, microsecond=0)
    return base + timedelta(days=day)


def appointment_in(clinic: Clinic, **fields: Any) -> Appointment:
    starts = fields.pop("starts_at", at(3, 10))
    values: dict[str, Any] = {
        "clinic": clinic,
        "patient": fields.pop("patient", None) or patient_in(clinic),
        "clinician": fields.pop("clinician", None) or clinician_in(clinic),
        "starts_at": starts,
        "ends_at": starts + timedelta(minutes=30),
        "kind": "treatment",
        "status": "booked",
        **fields,
    }
    return Appointment.objects.create(**values)


def message_in(clinic: Clinic, **fields: Any) -> Message:
    patient = fields.pop("patient", None) or patient_in(clinic)
    now = timezone.now()
    values: dict[str, Any] = {
        "clinic": clinic,
        "patient": patient,
        "kind": "refresh_due",
        "channel": "email",
        "to_address": patient.email,
        "subject": "Reminder",
        "body": "Time to book.",
        "due_at": now,
        "next_attempt_at": now,
        "state": "failed",
        "permanent": True,
        "last_error": "SMTP 550",
        "idempotency_key": f"test:{uuid.uuid4().hex}",
        **fields,
    }
    return Message.objects.create(**values)
