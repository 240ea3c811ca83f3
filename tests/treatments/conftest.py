from __future__ import annotations

from collections.abc import Iterator

import pytest

from glabella.accounts.models import Clinic, User
from glabella.patients.models import Patient
from glabella.treatments import actions, hooks
from glabella.treatments.models import Session

from .builders import patient_in


@pytest.fixture
def patient(clinic_a: Clinic) -> Patient:
    return patient_in(clinic_a)


@pytest.fixture
def draft(patient: Patient, injector: User) -> Session:
    return actions.create_session(patient, injector)


@pytest.fixture(autouse=True)
def no_other_apps_hooks() -> Iterator[None]:
    """Other apps' sign hooks (stock, aftercare) have their own tests; these test signing."""
    saved = list(hooks._on_signed)
    hooks._on_signed.clear()
    yield
    hooks._on_signed[:] = saved
