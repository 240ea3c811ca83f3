from __future__ import annotations

import pytest

from glabella.accounts.actions import create_api_token
from glabella.accounts.models import User


@pytest.fixture
def injector_token(injector: User) -> str:
    return create_api_token(injector.memberships.get()).secret


@pytest.fixture
def admin_token(admin_user: User) -> str:
    return create_api_token(admin_user.memberships.get()).secret


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
