from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from glabella.accounts.models import Clinic, Membership, User
from glabella.cli.main import main
from glabella.demo import loader
from glabella.demo.loader import CLINICS, demo_logins, load_demo
from glabella.patients.models import MedicalProfile, Patient, PriorTreatment

# Logins and commands do not depend on how many patients there are: a few will do.
SMALL = [replace(clinic, patients=3) for clinic in CLINICS]


@pytest.fixture(autouse=True)
def fast_hashing(settings: Any) -> None:
    # Argon2 is slow on purpose; eight demo users need no such protection in a test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def row_counts() -> dict[str, int]:
    models = (Clinic, User, Membership, Patient, MedicalProfile, PriorTreatment)
    return {model.__name__: model.objects.count() for model in models}


def test_loading_twice_creates_nothing_the_second_time(db: None) -> None:
    first = load_demo()
    counts = row_counts()
    second = load_demo()
    assert row_counts() == counts
    assert (first.patients_created, second.patients_created) == (200, 0)
    assert (counts["Clinic"], counts["User"], counts["Membership"]) == (2, 8, 8)
    assert counts["PriorTreatment"] > 2 * counts["Patient"]
    for demo in CLINICS:
        clinic = Clinic.objects.get(slug=demo.slug)
        assert Patient.objects.filter(clinic=clinic).count() == demo.patients
        assert MedicalProfile.objects.filter(clinic=clinic).count() == demo.patients


def test_every_printed_login_signs_in_with_its_role(db: None) -> None:
    load_demo(clinics=SMALL)
    for login in demo_logins():
        user = User.objects.get(username=login.username)
        assert user.check_password(login.password)
        membership = Membership.objects.get(user=user)
        assert (membership.clinic.name, membership.get_role_display()) == (
            login.clinic,
            login.role,
        )


def test_progress_is_reported_for_every_patient(db: None) -> None:
    reports: list[tuple[int, int]] = []
    load_demo(progress=lambda done, total: reports.append((done, total)), clinics=SMALL)
    assert reports == [(n, 6) for n in range(1, 7)]


def test_loaddemo_prints_the_logins(
    db: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "CLINICS", SMALL)
    assert main(["loaddemo"]) == 0
    output = capsys.readouterr().out
    assert "6 patients created" in output
    assert "demo-injector" in output
    assert "glabella-injector-2026" in output
