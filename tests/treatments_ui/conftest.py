"""A patient and draft sessions of clinic A for the treatments pages."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import signed_in
from glabella.accounts.models import Clinic, User
from glabella.patients.models import Patient
from glabella.treatments import actions
from glabella.treatments.models import Session
from treatments.builders import glabellar_line, patient_in


@pytest.fixture
def patient(clinic_a: Clinic) -> Patient:
    return patient_in(clinic_a)


@pytest.fixture
def draft(patient: Patient, injector: User) -> Session:
    return actions.create_session(patient, injector)


@pytest.fixture
def charted(draft: Session, injector: User) -> Session:
    return actions.save_chart(draft, injector, draft.version, [glabellar_line()])


@pytest.fixture
def front_desk_client(front_desk: User) -> Client:
    return signed_in(front_desk)
