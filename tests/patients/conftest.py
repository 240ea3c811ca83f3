"""Patients of clinic A and clinic B, and a valid registration payload."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from glabella.accounts.models import Clinic
from glabella.patients.actions import register_patient
from glabella.patients.models import Patient


def fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "family_name": "Smith",
        "given_name": "Anna",
        "birth_date": "1986-04-02",
        "sex": "female",
        "email": "anna@example.org",
        "phone": "+44 20 7946 0000",
    }
    return {**fields, **overrides}


@pytest.fixture
def valid_fields() -> Callable[..., dict[str, Any]]:
    """Registration fields that pass every check; keyword arguments override some."""
    return fields


@pytest.fixture
def patient(clinic_a: Clinic) -> Patient:
    return register_patient(clinic_a, **fields())


@pytest.fixture
def patient_b(clinic_b: Clinic) -> Patient:
    return register_patient(clinic_b, **fields(family_name="Other", given_name="Olga"))
