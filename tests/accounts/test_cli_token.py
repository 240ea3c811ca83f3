from __future__ import annotations

import re

import pytest
from django.test import Client

from glabella.accounts.models import ApiToken, User
from glabella.cli.main import main


def printed_token(out: str) -> str:
    match = re.search(r"glb_\S+", out)
    assert match, out
    return match.group(0)


def test_it_prints_a_working_token_once(injector: User, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "create", injector.username, "--name", "script"]) == 0
    secret = printed_token(capsys.readouterr().out)
    response = Client().get("/api/v1/account/me", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert ApiToken.objects.get().digest != secret


def test_it_revokes_a_token(injector: User, capsys: pytest.CaptureFixture[str]) -> None:
    main(["token", "create", injector.username])
    secret = printed_token(capsys.readouterr().out)
    assert main(["token", "revoke", secret[:12]]) == 0
    response = Client().get("/api/v1/account/me", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 401


def test_it_refuses_a_user_without_that_clinic(injector: User) -> None:
    assert main(["token", "create", injector.username, "--clinic", "clinic-b"]) == 2
