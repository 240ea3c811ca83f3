from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.test import Client

from conftest import PASSWORD
from glabella.accounts.models import User

pytestmark = pytest.mark.skipif(
    "GLABELLA_SECURE_COOKIES" in os.environ, reason="checks the default cookie settings"
)


def test_session_and_csrf_cookies_are_secure_by_default() -> None:
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.CSRF_COOKIE_SECURE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_the_login_response_sets_secure_httponly_cookies(injector: User) -> None:
    client = Client()
    page = client.get("/login/")
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"
    response = client.post("/login/", {"username": injector.username, "password": PASSWORD})
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
