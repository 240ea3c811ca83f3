"""iCalendar export: one VEVENT per appointment, and a clinician's feed of them.

The UID is stable for the life of an appointment and SEQUENCE grows with every change,
so calendar clients update the event in place; a cancelled appointment stays in the
feed with STATUS:CANCELLED so clients remove it. A single download (behind login)
names the patient; the private feed, which a calendar service stores and syncs, shows
only the record number, so a leaked feed URL leaks no names.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from glabella.followup.models import Appointment, AppointmentStatus

PRODID = "-//Glabella//Appointments//EN"
ICS_STATUS = {
    AppointmentStatus.PROPOSED: "TENTATIVE",
    AppointmentStatus.BOOKED: "CONFIRMED",
    AppointmentStatus.CANCELLED: "CANCELLED",
}


def uid(appointment: Appointment) -> str:
    return f"appointment-{appointment.pk}@{appointment.clinic.slug}.glabella"


def event(appointment: Appointment, with_name: bool, stamp: datetime) -> Event:
    patient = appointment.patient
    who = patient.display_name if with_name else f"patient #{patient.record_number}"
    item = Event()
    item.add("uid", uid(appointment))
    item.add("dtstamp", stamp)
    item.add("dtstart", appointment.starts_at)
    item.add("dtend", appointment.ends_at)
    item.add("sequence", appointment.sequence)
    item.add("status", ICS_STATUS[AppointmentStatus(appointment.status)])
    item.add("summary", f"{appointment.get_kind_display()}: {who}")
    item.add("location", appointment.clinic.name)
    item.add("last-modified", appointment.updated_at)
    return item


def calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def appointment_ics(appointment: Appointment) -> bytes:
    cal = calendar(f"{appointment.clinic.name} appointment")
    cal.add("method", "CANCEL" if appointment.status == AppointmentStatus.CANCELLED else "PUBLISH")
    cal.add_component(event(appointment, with_name=True, stamp=timezone.now()))
    return bytes(cal.to_ical())


def feed_ics(name: str, appointments: Iterable[Appointment]) -> bytes:
    cal = calendar(name)
    stamp = timezone.now()
    for appointment in appointments:
        cal.add_component(event(appointment, with_name=False, stamp=stamp))
    return bytes(cal.to_ical())
