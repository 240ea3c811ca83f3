"""Message texts: each kind of message rendered from templates into a :class:`Draft`.

Subjects stay generic ("Your aftercare instructions") because subjects show on lock
screens; details are in the body.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string

from glabella.accounts.models import Clinic
from glabella.followup.aftercare import Sheet
from glabella.followup.models import Appointment, AppointmentKind, Channel, MessageKind
from glabella.followup.outbox import Draft
from glabella.patients.models import Patient
from glabella.treatments.models import Session


def local(moment: datetime, clinic: Clinic) -> datetime:
    return moment.astimezone(ZoneInfo(clinic.timezone or "UTC"))


def render(name: str, context: dict[str, Any], html: bool = True) -> tuple[str, str]:
    text = render_to_string(f"followup/messages/{name}.txt", context).strip() + "\n"
    markup = render_to_string(f"followup/messages/{name}.html", context) if html else ""
    return text, markup


def aftercare_draft(session: Session, sheet: Sheet) -> Draft:
    context = {"patient": session.patient, "clinic": session.clinic, "sheet": sheet}
    text, html = render("aftercare", context)
    return Draft(
        kind=MessageKind.AFTERCARE,
        key=f"aftercare:{session.clinic_id}:{session.pk}",
        subject=f"Your aftercare instructions from {session.clinic.name}",
        body=text,
        html=html,
        related={"session": session},
    )


def appointment_draft(appointment: Appointment, channel: str, due_at: datetime) -> Draft:
    clinic = appointment.clinic
    review = appointment.kind == AppointmentKind.REVIEW
    context = {
        "patient": appointment.patient,
        "clinic": clinic,
        "appointment": appointment,
        "starts": local(appointment.starts_at, clinic),
        "review": review,
    }
    text, html = render("appointment", context, html=channel == Channel.EMAIL)
    kind = MessageKind.REVIEW if review else MessageKind.APPOINTMENT
    return Draft(
        kind=kind,
        # The sequence is in the key: a rescheduled appointment gets a new reminder.
        key=f"{kind}:{clinic.pk}:{appointment.pk}:{appointment.sequence}",
        subject=f"Reminder: your appointment at {clinic.name}",
        body=text,
        html=html,
        due_at=due_at,
        related={"appointment": appointment},
    )


def refresh_draft(
    patient: Patient, clinic: Clinic, forecast: Any, link: str, channel: str, key: str
) -> Draft:
    context = {"patient": patient, "clinic": clinic, "forecast": forecast, "link": link}
    text, html = render("refresh_due", context, html=channel == Channel.EMAIL)
    return Draft(
        kind=MessageKind.REFRESH_DUE,
        key=key,
        subject=f"Time to book your next visit at {clinic.name}",
        body=text,
        html=html,
        related={"forecast_ref": forecast.pk},
    )
