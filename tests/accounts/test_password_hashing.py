from __future__ import annotations

from glabella.accounts.models import User


def test_it_hashes_passwords_with_argon2(injector: User) -> None:
    assert injector.password.startswith("argon2")
