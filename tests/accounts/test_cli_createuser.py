from __future__ import annotations

import pytest

from glabella.accounts.models import ApiToken, Clinic, User
from glabella.audit.models import AuditEvent
from glabella.cli.main import main

GOOD = "a-long-enough-passphrase"


def test_it_creates_a_user_in_an_existing_clinic(clinic_a: Clinic) -> None:
    code = main(
        ["createuser", "nora", "--clinic", "clinic-a", "--role", "admin", "--password", GOOD]
    )
    assert code == 0
    user = User.objects.get(username="nora")
    assert user.memberships.get().role == "admin"
    event = AuditEvent.objects.get(object_type="accounts.user")
    assert (event.action, event.clinic, event.channel) == ("create", clinic_a, "cli")


def test_it_creates_the_clinic_when_asked(db: None) -> None:
    argv = [
        "createuser",
        "nora",
        "--clinic",
        "north",
        "--create-clinic",
        "North",
        "--role",
        "injector",
    ]
    assert main([*argv, "--password", GOOD]) == 0
    assert Clinic.objects.get(slug="north").name == "North"


def test_it_exits_2_with_the_field_for_a_weak_password(
    clinic_a: Clinic, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["createuser", "nora", "--clinic", "clinic-a", "--role", "admin", "--password", "short"]
    assert main(argv) == 2
    assert "password" in capsys.readouterr().err
    assert not User.objects.filter(username="nora").exists()


def test_it_prompts_for_the_password_when_omitted(
    clinic_a: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt: GOOD)
    assert main(["createuser", "nora", "--clinic", "clinic-a", "--role", "injector"]) == 0
    assert User.objects.get(username="nora").check_password(GOOD)


def test_it_issues_a_token_with_token_flag(
    clinic_a: Clinic, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["createuser", "nora", "--clinic", "clinic-a", "--role", "admin", "--password", GOOD]
    assert main([*argv, "--token"]) == 0
    token = ApiToken.objects.get()
    assert token.prefix in capsys.readouterr().out
