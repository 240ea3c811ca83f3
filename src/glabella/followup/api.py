"""JSON API under /api/v1/followup: appointments, their .ics, the outbox and retries."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router, Status

from glabella.accounts.models import User
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import CREATE, READ, UPDATE, record
from glabella.errors import InvalidInput
from glabella.followup import actions, ics, outbox, queries
from glabella.followup.models import Appointment, Message
from glabella.followup.schemas import AppointmentIn, AppointmentOut, MessageOut, RescheduleIn
from glabella.patients.models import Patient

router = Router(tags=["followup"])
API = "api"


def load(request: HttpRequest, appointment_id: int, audit_read: bool = True) -> Appointment:
    appointment = get_scoped_or_404(
        Appointment.objects.select_related("clinic", "patient", "clinician"),
        request,
        pk=appointment_id,
    )
    if audit_read:
        record(request, READ, appointment, channel=API)
    return appointment


def clinician(clinician_id: int) -> User:
    found = User.objects.filter(pk=clinician_id).first()
    if found is None:
        raise InvalidInput(
            "not_a_member", "The clinician is not a member of this clinic.", "clinician_id"
        )
    return found


@router.get("/appointments", response=list[AppointmentOut])
def list_appointments(
    request: HttpRequest, since: datetime | None = None, days: int = 60
) -> list[Appointment]:
    record(request, READ, object_type="followup.appointment", channel=API)
    start = since or timezone.now()
    return list(queries.upcoming(current_clinic(request), start, min(max(days, 1), 366)))


@router.post("/appointments", response={201: AppointmentOut})
def book_appointment(request: HttpRequest, payload: AppointmentIn) -> Status[Appointment]:
    clinic = current_clinic(request)
    patient = Patient.objects.filter(clinic=clinic, pk=payload.patient_id).first()
    if patient is None:
        raise InvalidInput("unknown_patient", "No such patient in this clinic.", "patient_id")
    with transaction.atomic():
        appointment = actions.book_appointment(
            clinic,
            patient=patient,
            clinician=clinician(payload.clinician_id),
            starts_at=payload.starts_at,
            ends_at=payload.ends_at,
            kind=payload.kind,
            notes=payload.notes,
        )
        record(request, CREATE, appointment, channel=API)
    return Status(201, appointment)


@router.get("/appointments/{appointment_id}", response=AppointmentOut)
def get_appointment(request: HttpRequest, appointment_id: int) -> Appointment:
    return load(request, appointment_id)


@router.put("/appointments/{appointment_id}", response=AppointmentOut)
def reschedule(request: HttpRequest, appointment_id: int, payload: RescheduleIn) -> Appointment:
    appointment = load(request, appointment_id, audit_read=False)
    who = clinician(payload.clinician_id) if payload.clinician_id else None
    with transaction.atomic():
        actions.reschedule_appointment(
            appointment, starts_at=payload.starts_at, ends_at=payload.ends_at, clinician=who
        )
        record(request, UPDATE, appointment, channel=API)
    return appointment


@router.post("/appointments/{appointment_id}/cancel", response=AppointmentOut)
def cancel(request: HttpRequest, appointment_id: int) -> Appointment:
    appointment = load(request, appointment_id, audit_read=False)
    with transaction.atomic():
        actions.cancel_appointment(appointment)
        record(request, UPDATE, appointment, channel=API)
    return appointment


@router.post("/appointments/{appointment_id}/confirm", response=AppointmentOut)
def confirm(request: HttpRequest, appointment_id: int) -> Appointment:
    appointment = load(request, appointment_id, audit_read=False)
    with transaction.atomic():
        actions.confirm_proposed_review(appointment)
        record(request, UPDATE, appointment, channel=API)
    return appointment


@router.get("/appointments/{appointment_id}/ics")
def appointment_ics(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = load(request, appointment_id)
    return HttpResponse(ics.appointment_ics(appointment), content_type="text/calendar")


@router.get("/outbox", response=list[MessageOut])
def list_outbox(request: HttpRequest, state: str | None = None) -> list[Message]:
    record(request, READ, object_type="followup.message", channel=API)
    return list(queries.outbox(current_clinic(request), state))


@router.post("/outbox/{message_id}/retry", response=MessageOut)
def retry(request: HttpRequest, message_id: int) -> Message:
    message = get_scoped_or_404(Message, request, pk=message_id)
    with transaction.atomic():
        outbox.retry_message(message)
        record(request, UPDATE, message, channel=API)
    return message
