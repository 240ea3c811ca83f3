"""Patients with treatment histories for the refresh tests."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from glabella.accounts.models import Clinic
from glabella.patients.actions import record_prior_treatment, register_patient
from glabella.patients.models import Patient


def days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def new_patient(clinic: Clinic, **fields: Any) -> Patient:
    values: dict[str, Any] = {
        "family_name": "Smith",
        "given_name": "Anna",
        "birth_date": "1986-04-02",
        "sex": "female",
        "email": "anna@example.org",
        "phone": "+44 20 7946 0000",
    }
    return register_patient(clinic, **{**values, **fields})


def treat(
    patient: Patient,
    given_on: date,
    product: str = "botox_cosmetic",
    indication: str = "glabellar_lines",
) -> None:
    amount: dict[str, Any] = {"units": 20}
    if product.startswith(("juvederm", "restylane", "radiesse", "sculptra", "belotero")):
        amount = {"volume_ml": 1}
    record_prior_treatment(patient, date=given_on, product=product, indication=indication, **amount)


@pytest.fixture
def patient(clinic_a: Clinic) -> Patient:
    return new_patient(clinic_a)
