"""Booking, rescheduling and cancelling validate times, people and double booking."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from glabella.accounts.models import Clinic, User
from glabella.errors import Conflict, InvalidInput
from glabella.followup import actions
from glabella.followup.models import Appointment
from glabella.patients.models import Patient

from .builders import appointment_in, at, clinician_in, patient_in


def book(
    clinic: Clinic, patient: Patient, clinician: User, start_hour: int, **extra: Any
) -> Appointment:
    starts = at(2, start_hour)
    return actions.book_appointment(
        clinic,
        patient=patient,
        clinician=clinician,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
        kind="treatment",
        **extra,
    )


def test_a_clinician_cannot_be_booked_twice(
    clinic_a: Clinic, patient: Patient, clinician: User
) -> None:
    book(clinic_a, patient, clinician, 10)
    with pytest.raises(Conflict) as caught:
        book(clinic_a, patient_in(clinic_a), clinician, 10)
    assert caught.value.code == "double_booked"


def test_back_to_back_appointments_are_fine(
    clinic_a: Clinic, patient: Patient, clinician: User
) -> None:
    first = book(clinic_a, patient, clinician, 10)
    starts = first.ends_at
    actions.book_appointment(
        clinic_a,
        patient=patient,
        clinician=clinician,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=15),
        kind="review",
    )


def test_a_cancelled_or_proposed_appointment_does_not_hold_the_slot(
    clinic_a: Clinic, patient: Patient, clinician: User
) -> None:
    actions.cancel_appointment(book(clinic_a, patient, clinician, 10))
    proposed = book(clinic_a, patient, clinician, 11, status="proposed")
    book(clinic_a, patient, clinician, 10)
    book(clinic_a, patient, clinician, 11)
    with pytest.raises(Conflict):
        actions.confirm_proposed_review(proposed)


def test_an_appointment_must_end_after_it_starts(
    clinic_a: Clinic, patient: Patient, clinician: User
) -> None:
    starts = at(2, 10)
    with pytest.raises(InvalidInput) as caught:
        actions.book_appointment(
            clinic_a,
            patient=patient,
            clinician=clinician,
            starts_at=starts,
            ends_at=starts,
            kind="review",
        )
    assert caught.value.field == "ends_at"


def test_the_clinician_must_be_a_member(
    clinic_a: Clinic, clinic_b: Clinic, patient: Patient
) -> None:
    with pytest.raises(InvalidInput) as caught:
        book(clinic_a, patient, clinician_in(clinic_b), 10)
    assert caught.value.code == "not_a_member"


def test_rescheduling_into_a_taken_slot_is_a_conflict(
    clinic_a: Clinic, patient: Patient, clinician: User
) -> None:
    book(clinic_a, patient, clinician, 10)
    later = book(clinic_a, patient, clinician, 12)
    with pytest.raises(Conflict):
        actions.reschedule_appointment(later, starts_at=at(2, 10, 15), ends_at=at(2, 10, 45))
    moved = actions.reschedule_appointment(later, starts_at=at(2, 14), ends_at=at(2, 14, 30))
    assert moved.sequence == 1


def test_a_cancelled_appointment_cannot_be_moved(
    clinic_a: Clinic, patient: Patient, clinician: User
) -> None:
    appointment = actions.cancel_appointment(
        appointment_in(clinic_a, patient=patient, clinician=clinician)
    )
    with pytest.raises(Conflict):
        actions.reschedule_appointment(appointment, starts_at=at(4, 9), ends_at=at(4, 10))
