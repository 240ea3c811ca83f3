from __future__ import annotations

import pytest

from glabella.accounts.actions import create_user
from glabella.accounts.models import Clinic, Membership, User
from glabella.errors import Conflict, InvalidInput


def test_it_creates_a_user_with_a_role_in_the_clinic(clinic_a: Clinic) -> None:
    user = create_user("nora", "a-long-enough-passphrase", clinic_a, "physician")
    membership = Membership.objects.get(user=user)
    assert (membership.clinic, membership.role) == (clinic_a, "physician")
    assert user.check_password("a-long-enough-passphrase")


def test_it_rejects_a_short_password_with_a_field_message(clinic_a: Clinic) -> None:
    with pytest.raises(InvalidInput) as caught:
        create_user("nora", "short", clinic_a, "injector")
    assert caught.value.field == "password"
    assert "too short" in caught.value.message
    assert not User.objects.filter(username="nora").exists()


def test_it_rejects_a_common_password(clinic_a: Clinic) -> None:
    with pytest.raises(InvalidInput) as caught:
        create_user("nora", "password1234", clinic_a, "injector")
    assert caught.value.field == "password"
    assert "too common" in caught.value.message


def test_it_rejects_an_unknown_role(clinic_a: Clinic) -> None:
    with pytest.raises(InvalidInput) as caught:
        create_user("nora", "a-long-enough-passphrase", clinic_a, "surgeon")
    assert caught.value.field == "role"


def test_it_rejects_a_taken_username(clinic_a: Clinic, injector: User) -> None:
    with pytest.raises(Conflict) as caught:
        create_user(injector.username, "a-long-enough-passphrase", clinic_a, "injector")
    assert caught.value.field == "username"
