"""JSON shapes of the follow-up API."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class AppointmentIn(Schema):
    patient_id: int
    clinician_id: int
    starts_at: datetime
    ends_at: datetime
    kind: str
    notes: str = ""


class RescheduleIn(Schema):
    starts_at: datetime
    ends_at: datetime
    clinician_id: int | None = None


class AppointmentOut(Schema):
    id: int
    patient_id: int
    clinician_id: int
    session_id: int | None
    starts_at: datetime
    ends_at: datetime
    kind: str
    status: str
    notes: str
    sequence: int


class MessageOut(Schema):
    id: int
    patient_id: int
    kind: str
    channel: str
    state: str
    due_at: datetime
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str
    permanent: bool
    idempotency_key: str
