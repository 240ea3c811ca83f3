"""Record numbers stay unique when many registrations race on PostgreSQL."""

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection

from glabella.accounts.models import Clinic
from glabella.patients.actions import register_patient
from glabella.patients.models import Patient

THREADS = 8
PER_THREAD = 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_get_distinct_consecutive_numbers(
    valid_fields: Any,
) -> None:
    clinic = Clinic.objects.create(name="Race", slug="race")

    def register_some(worker: int) -> list[int]:
        try:
            return [
                register_patient(clinic, **valid_fields(given_name=f"W{worker}N{n}")).record_number
                for n in range(PER_THREAD)
            ]
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        numbers = [n for batch in pool.map(register_some, range(THREADS)) for n in batch]

    expected = list(range(1, THREADS * PER_THREAD + 1))
    assert sorted(numbers) == expected
    assert Patient.objects.filter(clinic=clinic).count() == THREADS * PER_THREAD
