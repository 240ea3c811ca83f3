"""On PostgreSQL the prefix search is an index range scan, not a table scan.

A few thousand rows and ANALYZE give the planner real statistics; no planner
setting is changed.
"""

from datetime import date, timedelta

import pytest
from django.db import connection

from glabella.accounts.models import Clinic
from glabella.patients.models import Patient
from glabella.patients.queries import name_prefix, patients_of

SYLLABLES = ["an", "be", "co", "di", "er", "fo", "ga", "hu", "is", "jo", "ka", "lu", "mi", "no"]
ROWS_PER_CLINIC = 4000


def fill(clinic: Clinic) -> None:
    rows = []
    for n in range(ROWS_PER_CLINIC):
        family = SYLLABLES[n % 14] + SYLLABLES[(n // 14) % 14] + SYLLABLES[(n // 196) % 14]
        given = SYLLABLES[(n * 7) % 14] + SYLLABLES[(n * 3) % 14]
        rows.append(
            Patient(
                clinic=clinic,
                record_number=n + 1,
                family_name=family,
                given_name=given,
                family_key=family,
                given_key=given,
                sex="female",
                birth_date=date(1950, 1, 1) + timedelta(days=n * 7),
            )
        )
    Patient.objects.bulk_create(rows, batch_size=1000)


@pytest.fixture
def analysed(clinic_a: Clinic, clinic_b: Clinic) -> None:
    fill(clinic_a)
    fill(clinic_b)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE patients_patient")


@pytest.mark.postgres
def test_a_family_prefix_uses_the_family_index(clinic_a: Clinic, analysed: None) -> None:
    plan = name_prefix(clinic_a, "family_key", "mian", None).explain()
    assert "patient_family_search" in plan, plan
    assert "Seq Scan" not in plan and "Sort" not in plan, plan


@pytest.mark.postgres
def test_a_given_name_prefix_uses_the_given_index(clinic_a: Clinic, analysed: None) -> None:
    plan = name_prefix(clinic_a, "given_key", "kaan", "mi").explain()
    assert "patient_given_search" in plan, plan
    assert "Seq Scan" not in plan, plan


@pytest.mark.postgres
def test_a_birth_date_uses_its_index(clinic_a: Clinic, analysed: None) -> None:
    plan = patients_of(clinic_a).filter(birth_date=date(1960, 1, 1)).explain()
    assert "patient_birth_date" in plan, plan
