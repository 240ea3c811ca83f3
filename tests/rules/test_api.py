"""``POST /api/v1/assessments``: the same assessment, or the same error with 422."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from glabella.rules.engine import assess_json

from .builders import glabellar, proposal

URL = "/api/v1/assessments"


def post(client: Client, body: object) -> Any:
    return client.post(URL, data=json.dumps(body), content_type="application/json")


def test_it_returns_the_same_assessment_as_the_engine(client_a: Client) -> None:
    body = proposal(glabellar(), pregnant=True)
    response = post(client_a, body)
    assert response.status_code == 200
    assert response.json() == assess_json(body)


def test_it_returns_the_contract_error_with_422(client_a: Client) -> None:
    response = post(client_a, proposal(glabellar("botox_cosmetik")))
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == "$.treatments[0].product"
    assert "botox_cosmetic" in error["message"]


def test_it_returns_422_for_malformed_json(client_a: Client) -> None:
    response = client_a.post(URL, data="{oops", content_type="application/json")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "$"


def test_it_refuses_an_anonymous_request(db: None) -> None:
    response = post(Client(), proposal(glabellar()))
    assert response.status_code in (401, 403)


def test_the_openapi_document_describes_the_request_and_response(client_a: Client) -> None:
    document = client_a.get("/api/v1/openapi.json").json()
    operation = document["paths"][URL]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert {"at", "patient", "treatments"} <= set(body["properties"])
    assert set(body["required"]) == {"at", "patient", "treatments"}
    assert {"200", "422"} <= set(operation["responses"])


def test_the_openapi_refresh_window_uses_from_and_to(client_a: Client) -> None:
    schemas = client_a.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert set(schemas["Window"]["properties"]) == {"from", "to"}
