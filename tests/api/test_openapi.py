from __future__ import annotations

from django.test import Client


def test_the_openapi_document_lists_routes_and_both_auth_schemes(db: None) -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert "/api/v1/audit" in document["paths"]
    schemes = document["components"]["securitySchemes"]
    assert {"BearerToken", "ClinicSession"} <= set(schemes)


def test_the_docs_page_loads_its_scripts_from_our_own_origin(db: None) -> None:
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    assert b"cdn." not in response.content
    assert b"/static/ninja/swagger-ui-bundle.js" in response.content
