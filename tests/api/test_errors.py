from __future__ import annotations

import json

import pytest
from django.http import HttpRequest
from django.test import Client, RequestFactory

from glabella.api import api
from glabella.errors import Conflict, DomainError, InvalidInput, NotFound

from .conftest import bearer


def error_of(response: object) -> dict[str, object]:
    body = json.loads(response.content)  # type: ignore[attr-defined]
    return body["error"]  # type: ignore[no-any-return]


def test_a_validation_error_names_the_field(admin_token: str) -> None:
    response = Client().get("/api/v1/audit", {"since": "not-a-date"}, **bearer(admin_token))
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "since"
    assert error["message"]


def test_a_body_validation_error_names_the_field_without_the_parameter(
    admin_token: str,
) -> None:
    response = Client().post(
        "/api/v1/account/tokens",
        {"name": "x" * 101},
        content_type="application/json",
        **bearer(admin_token),
    )
    assert response.status_code == 422
    assert error_of(response)["field"] == "name"


def test_a_missing_object_is_json_404(admin_token: str) -> None:
    response = Client().get("/api/v1/audit/999999", **bearer(admin_token))
    assert response.status_code == 404
    assert error_of(response) == {"field": None, "message": "Not found"}


def test_a_forbidden_role_is_json_403(injector_token: str) -> None:
    response = Client().get("/api/v1/audit", **bearer(injector_token))
    assert response.status_code == 403
    assert error_of(response)["message"] == "Forbidden"


def request() -> HttpRequest:
    return RequestFactory().get("/api/v1/")


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (InvalidInput("dose.too_high", "Too many units.", "lines.0.units"), 422),
        (Conflict("session.stale", "Someone else saved first.", "version"), 409),
        (NotFound("lot.missing", "No such lot.", "lot"), 404),
        (DomainError("session.signed", "A signed session cannot change."), 400),
    ],
)
def test_a_domain_error_maps_to_its_status_and_keeps_code_and_field(
    error: DomainError, status: int
) -> None:
    response = api.on_exception(request(), error)
    assert response.status_code == status
    assert error_of(response) == {
        "code": error.code,
        "field": error.field,
        "message": error.message,
    }
