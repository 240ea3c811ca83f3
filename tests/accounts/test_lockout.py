from __future__ import annotations

from django.conf import settings
from django.test import Client

from conftest import PASSWORD
from glabella.accounts.models import User


def fail_logins(client: Client, username: str, times: int) -> None:
    for _ in range(times):
        client.post("/login/", {"username": username, "password": "wrong-password-123"})


def test_it_locks_out_after_the_failure_limit_even_with_the_right_password(
    injector: User,
) -> None:
    client = Client()
    fail_logins(client, injector.username, settings.AXES_FAILURE_LIMIT)
    response = client.post("/login/", {"username": injector.username, "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed sign-ins" in response.content
    assert "_auth_user_id" not in client.session


def test_it_still_admits_the_right_password_below_the_limit(injector: User) -> None:
    client = Client()
    fail_logins(client, injector.username, settings.AXES_FAILURE_LIMIT - 1)
    response = client.post("/login/", {"username": injector.username, "password": PASSWORD})
    assert response.status_code == 302
