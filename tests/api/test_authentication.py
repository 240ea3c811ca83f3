from __future__ import annotations

import json

from django.test import Client

from glabella.accounts.actions import revoke_api_token
from glabella.accounts.models import ApiToken, User

from .conftest import bearer


def test_it_answers_401_json_to_an_anonymous_caller(db: None) -> None:
    response = Client().get("/api/v1/account/me")
    assert response.status_code == 401
    assert json.loads(response.content)["error"]["field"] is None


def test_it_accepts_a_bearer_token_in_its_clinic(injector_token: str) -> None:
    response = Client().get("/api/v1/account/me", **bearer(injector_token))
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body == {"username": "ines_injector", "clinic": "clinic-a", "role": "injector"}


def test_it_stores_only_a_hash_of_the_token(injector_token: str) -> None:
    stored = ApiToken.objects.get()
    assert injector_token not in (stored.digest, stored.prefix)
    assert injector_token.startswith(stored.prefix)
    assert len(stored.digest) == 64


def test_it_refuses_a_wrong_token(injector_token: str) -> None:
    response = Client().get("/api/v1/account/me", **bearer(injector_token + "x"))
    assert response.status_code == 401


def test_it_refuses_a_revoked_token(injector_token: str) -> None:
    revoke_api_token(ApiToken.objects.get())
    assert Client().get("/api/v1/account/me", **bearer(injector_token)).status_code == 401


def test_it_refuses_the_token_of_a_deactivated_user(injector_token: str, injector: User) -> None:
    User.objects.filter(pk=injector.pk).update(is_active=False)
    assert Client().get("/api/v1/account/me", **bearer(injector_token)).status_code == 401


def test_a_token_post_needs_no_csrf(injector_token: str) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/account/tokens",
        {"name": "ci"},
        content_type="application/json",
        **bearer(injector_token),
    )
    assert response.status_code == 201
