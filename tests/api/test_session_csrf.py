from __future__ import annotations

from django.test import Client
from django.utils.crypto import get_random_string

from glabella.accounts.models import User


def session_client(user: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_a_session_get_needs_no_csrf_token(injector: User) -> None:
    assert session_client(injector).get("/api/v1/account/me").status_code == 200


def test_a_session_post_without_csrf_token_is_refused(injector: User) -> None:
    client = session_client(injector)
    response = client.post("/api/v1/account/tokens", {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "CSRF check Failed"


def test_a_session_post_with_csrf_token_is_accepted(injector: User) -> None:
    client = session_client(injector)
    token = get_random_string(32)  # what the CSRF cookie of any page would hold
    client.cookies["csrftoken"] = token
    response = client.post(
        "/api/v1/account/tokens", {}, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201
