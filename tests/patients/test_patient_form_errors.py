"""The registration form rejects bad input field by field, saying what is allowed."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from glabella.patients.models import Patient

Errors = Callable[..., dict[str, list[str]]]


@pytest.fixture
def errors_for(client_a: Client, valid_fields: Callable[..., dict[str, Any]]) -> Errors:
    def post(**overrides: Any) -> dict[str, list[str]]:
        response = client_a.post("/patients/new/", valid_fields(**overrides))
        assert response.status_code == 200
        assert not Patient.objects.exists()
        return dict(response.context["form"].errors)

    return post


def test_it_rejects_a_malformed_birth_date(errors_for: Errors) -> None:
    assert errors_for(birth_date="1986-13-45")["birth_date"] == [
        "birth_date: '1986-13-45' is not a date; use YYYY-MM-DD or DD/MM/YYYY"
    ]


def test_it_rejects_a_birth_date_in_the_future(errors_for: Errors) -> None:
    message = errors_for(birth_date="2999-01-01")["birth_date"][0]
    assert "in the future; today or earlier allowed" in message


def test_it_requires_a_family_name(errors_for: Errors) -> None:
    assert errors_for(family_name="  ")["family_name"] == ["family_name: is required"]


def test_it_rejects_a_missing_sex_naming_the_allowed_values(errors_for: Errors) -> None:
    assert errors_for(sex="")["sex"] == ["sex: '' is not allowed; use one of female, male, other"]


def test_it_rejects_a_malformed_email(errors_for: Errors) -> None:
    message = errors_for(email="anna.example.org")["email"][0]
    assert "is not an email address like name@example.org" in message


def test_it_rejects_a_phone_number_with_letters(errors_for: Errors) -> None:
    assert "use digits, spaces, + ( ) . -" in errors_for(phone="call me")["phone"][0]


def test_it_accepts_a_day_first_birth_date(
    client_a: Client, valid_fields: Callable[..., dict[str, Any]]
) -> None:
    client_a.post("/patients/new/", valid_fields(birth_date="02/04/1986"))
    assert Patient.objects.get().birth_date.isoformat() == "1986-04-02"


def test_it_shows_the_message_on_the_page(
    client_a: Client, valid_fields: Callable[..., dict[str, Any]]
) -> None:
    response = client_a.post("/patients/new/", valid_fields(birth_date="yesterday"))
    assert "use YYYY-MM-DD or DD/MM/YYYY" in response.content.decode()
