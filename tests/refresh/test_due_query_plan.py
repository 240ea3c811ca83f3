"""On PostgreSQL the due list is a range scan of its index, never a scan of the table.

A few thousand forecasts and ANALYZE give the planner real statistics; no planner
setting is changed.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from glabella.accounts.models import Clinic
from glabella.patients.models import Patient
from glabella.refresh.models import RefreshForecast
from glabella.refresh.queries import DUE_FIELDS, due_queryset

ROWS = 4000


def fill(clinic: Clinic) -> None:
    today = timezone.localdate()
    patients = Patient.objects.bulk_create(
        Patient(
            clinic=clinic,
            record_number=n + 1,
            family_name="Plan",
            given_name="Row",
            family_key="plan",
            given_key="row",
            sex="female",
            birth_date=today - timedelta(days=10000 + n),
        )
        for n in range(ROWS)
    )
    RefreshForecast.objects.bulk_create(
        RefreshForecast(
            clinic=clinic,
            patient=patient,
            indication="glabellar_lines",
            product="botox_cosmetic",
            product_class="toxin",
            last_treated_on=today - timedelta(days=n % 700),
            predicted_on=today - timedelta(days=n % 700) + timedelta(days=105),
            low_on=today - timedelta(days=n % 700) + timedelta(days=90),
            high_on=today - timedelta(days=n % 700) + timedelta(days=120),
            explanation="plan test",
            basis="prior",
            computed_at=timezone.now(),
        )
        for n, patient in enumerate(patients)
    )


@pytest.mark.postgres
def test_the_due_list_scans_the_due_index_in_order(clinic_a: Clinic, clinic_b: Clinic) -> None:
    fill(clinic_a)
    fill(clinic_b)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE refresh_refreshforecast")
        cursor.execute("ANALYZE patients_patient")
    query = due_queryset(clinic_a, 28, timezone.localdate()).values_list(*DUE_FIELDS)[:101]
    plan = query.explain()
    assert "refresh_due" in plan, plan
    assert "Seq Scan on refresh_refreshforecast" not in plan, plan
    assert "Sort" not in plan, plan
