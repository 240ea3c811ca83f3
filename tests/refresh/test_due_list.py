"""The due list: window, order, contact status, paging, clinic scoping, query count."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from glabella.accounts.models import Clinic
from glabella.errors import InvalidInput
from glabella.patients.models import Patient
from glabella.refresh.queries import OVERDUE_DAYS, due_list, due_rows

from .conftest import days_ago, new_patient, treat

TODAY = timezone.localdate


def treated(clinic: Clinic, days: int, **fields: Any) -> Patient:
    """A patient whose Botox glabellar forecast falls on today + (105 - days)."""
    patient = new_patient(clinic, **fields)
    treat(patient, days_ago(days))
    return patient


def test_it_lists_forecasts_due_within_the_window_earliest_first(clinic_a: Clinic) -> None:
    late = treated(clinic_a, 90, family_name="Late")  # due in 15 days
    soon = treated(clinic_a, 100, family_name="Soon")  # due in 5 days
    treated(clinic_a, 10, family_name="Far")  # due in 95 days
    page = due_list(clinic_a, 30, TODAY())
    assert [row.patient_id for row in page.rows] == [soon.pk, late.pk]
    assert page.rows[0].predicted_on == days_ago(-5)
    assert page.rows[0].explanation.startswith("No earlier treatments")


def test_it_keeps_recently_overdue_patients_but_not_old_ones(clinic_a: Clinic) -> None:
    overdue = treated(clinic_a, 105 + 10, family_name="Overdue")
    treated(clinic_a, 105 + OVERDUE_DAYS + 1, family_name="Lost")
    assert [row.patient_id for row in due_list(clinic_a, 7, TODAY()).rows] == [overdue.pk]


def test_it_shows_how_each_patient_can_be_reached(clinic_a: Clinic) -> None:
    treated(clinic_a, 100, family_name="Both")
    treated(clinic_a, 100, family_name="Optout", email_opt_out=True, phone="")
    treated(clinic_a, 100, family_name="None", email="", phone="")
    rows = {row.family_name: row for row in due_list(clinic_a, 30, TODAY()).rows}
    assert rows["Both"].contact == "email, text"
    assert rows["Both"].reachable
    assert rows["Optout"].contact == "email opted out"
    assert not rows["Optout"].reachable
    assert rows["None"].contact == "no contact details"
    assert rows["None"].reachable is False


def test_it_pages_through_the_list(clinic_a: Clinic) -> None:
    for _ in range(5):
        treated(clinic_a, 100)
    treated(clinic_a, 95)  # a later date, so the cursor crosses days as well as ids
    seen, after, pages = [], None, 0
    while True:
        page = due_list(clinic_a, 30, TODAY(), after=after, page_size=2)
        seen += [row.patient_id for row in page.rows]
        pages += 1
        if not page.has_next:
            break
        after = page.next_after
    everyone = [row.patient_id for row in due_list(clinic_a, 30, TODAY()).rows]
    assert (pages, seen) == (3, everyone)
    assert len(set(seen)) == 6


def test_a_malformed_cursor_is_an_input_error(clinic_a: Clinic) -> None:
    with pytest.raises(InvalidInput):
        due_list(clinic_a, 30, TODAY(), after="yesterday.1")


def test_it_shows_only_the_clinics_own_patients(clinic_a: Clinic, clinic_b: Clinic) -> None:
    treated(clinic_b, 100)
    assert due_list(clinic_a, 30, TODAY()).rows == []


def test_it_is_one_query_whatever_the_page_size(
    clinic_a: Clinic, django_assert_num_queries: Any
) -> None:
    for _ in range(6):
        treated(clinic_a, 100)
    with django_assert_num_queries(1):
        due_list(clinic_a, 30, TODAY(), page_size=50)
    with django_assert_num_queries(1):
        assert len(list(due_rows(clinic_a, 30, TODAY()))) == 6
