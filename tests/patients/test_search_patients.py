from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from glabella.accounts.models import Clinic
from glabella.patients.actions import register_patient
from glabella.patients.models import Patient
from glabella.patients.queries import search


@pytest.fixture
def people(clinic_a: Clinic, valid_fields: Callable[..., dict[str, Any]]) -> dict[str, Patient]:
    rows = [
        ("Smith", "Anna", "1986-04-02"),
        ("Smithers", "Ben", "1990-01-01"),
        ("Annan", "Kofi", "1938-04-08"),
        ("Zoë", "Öztürk", "2001-12-31"),
        ("Jones", "Smilla", "1975-06-06"),
    ]
    return {
        family: register_patient(
            clinic_a, **valid_fields(family_name=family, given_name=given, birth_date=born)
        )
        for family, given, born in rows
    }


def names(patients: list[Patient]) -> list[str]:
    return [patient.family_name for patient in patients]


def test_a_prefix_matches_family_and_given_names_in_order(
    clinic_a: Clinic, people: dict[str, Patient]
) -> None:
    assert names(search(clinic_a, "smi")) == ["Jones", "Smith", "Smithers"]


def test_two_prefixes_match_family_then_given_name(
    clinic_a: Clinic, people: dict[str, Patient]
) -> None:
    assert names(search(clinic_a, "smi ann")) == ["Smith"]


def test_two_prefixes_also_match_given_then_family_name(
    clinic_a: Clinic, people: dict[str, Patient]
) -> None:
    assert names(search(clinic_a, "anna smi")) == ["Smith"]


def test_search_ignores_case_and_accents(clinic_a: Clinic, people: dict[str, Patient]) -> None:
    assert names(search(clinic_a, "ZOE oz")) == ["Zoë"]


def test_an_iso_date_matches_the_birth_date(clinic_a: Clinic, people: dict[str, Patient]) -> None:
    assert names(search(clinic_a, "1938-04-08")) == ["Annan"]


def test_a_day_first_date_matches_the_birth_date(
    clinic_a: Clinic, people: dict[str, Patient]
) -> None:
    assert names(search(clinic_a, "08/04/1938")) == ["Annan"]


def test_a_number_matches_the_record_number(clinic_a: Clinic, people: dict[str, Patient]) -> None:
    wanted = people["Smithers"].record_number
    assert names(search(clinic_a, f"#{wanted}")) == ["Smithers"]


def test_it_never_returns_another_clinics_patients(
    clinic_a: Clinic, people: dict[str, Patient], patient_b: Patient
) -> None:
    assert search(clinic_a, "oth") == []
    assert search(clinic_a, str(patient_b.record_number)) != [patient_b]


def test_it_returns_at_most_fifty(
    clinic_a: Clinic, valid_fields: Callable[..., dict[str, Any]]
) -> None:
    for number in range(55):
        register_patient(clinic_a, **valid_fields(given_name=f"Anna{number:02d}"))
    found = search(clinic_a, "smith")
    assert len(found) == 50
    assert [p.given_name for p in found[:2]] == ["Anna00", "Anna01"]


def test_the_search_runs_a_bounded_number_of_queries(
    clinic_a: Clinic, people: dict[str, Patient], django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(2):
        search(clinic_a, "s")


def test_htmx_gets_only_the_results_table(client_a: Client, people: dict[str, Patient]) -> None:
    response = client_a.get("/patients/", {"q": "smi ann"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<table>" in body
    assert "SMITH, Anna" in body
    assert "<html" not in body


def test_the_list_page_shows_the_search_box_and_results(
    client_a: Client, people: dict[str, Patient]
) -> None:
    body = client_a.get("/patients/", {"q": "annan"}).content.decode()
    assert 'hx-get="/patients/"' in body
    assert "ANNAN, Kofi" in body
