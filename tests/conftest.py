"""The shared cast: two clinics, one user per role in each, and signed-in clients.

Clinic A is where the tests act; clinic B holds the objects a user of A must never see.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import pytest_django
from django.db import connection
from django.test import Client

from glabella.accounts.models import Clinic, Membership, User
from glabella.accounts.roles import Role

PASSWORD = "correct-horse-battery-staple"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``postgres`` run only in the PostgreSQL pass of the suite.

    On SQLite they are deselected rather than skipped: ``make test`` runs them in its
    PostgreSQL pass, so no run of the suite reports them as skipped.
    """
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return
    kept = [item for item in items if "postgres" not in item.keywords]
    dropped = [item for item in items if "postgres" in item.keywords]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: pytest_django.DjangoDbBlocker
) -> Iterator[None]:
    """End stray connections to the PostgreSQL test database before it is dropped.

    Live-server threads and killed worker processes can leave an idle backend behind for a
    moment; DROP DATABASE would then fail at the very end of an otherwise green run.
    """
    yield
    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture
def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def make_user(clinic: Clinic, role: Role, username: str) -> User:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.org",
        first_name=username.split("_")[0].capitalize(),
        last_name="Tester",
    )
    Membership.objects.create(user=user, clinic=clinic, role=role.value)
    return user


@pytest.fixture
def clinic_a(db: None) -> Clinic:
    return Clinic.objects.create(name="Clinic A", slug="clinic-a")


@pytest.fixture
def clinic_b(db: None) -> Clinic:
    return Clinic.objects.create(name="Clinic B", slug="clinic-b")


@pytest.fixture
def injector(clinic_a: Clinic) -> User:
    return make_user(clinic_a, Role.INJECTOR, "ines_injector")


@pytest.fixture
def physician(clinic_a: Clinic) -> User:
    return make_user(clinic_a, Role.PHYSICIAN, "paul_physician")


@pytest.fixture
def front_desk(clinic_a: Clinic) -> User:
    return make_user(clinic_a, Role.FRONT_DESK, "fiona_desk")


@pytest.fixture
def admin_user(clinic_a: Clinic) -> User:
    return make_user(clinic_a, Role.ADMIN, "ada_admin")


@pytest.fixture
def injector_b(clinic_b: Clinic) -> User:
    return make_user(clinic_b, Role.INJECTOR, "bea_injector")


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def client_a(injector: User) -> Client:
    """A client signed in as the injector of clinic A."""
    return signed_in(injector)


@pytest.fixture
def client_b(injector_b: User) -> Client:
    """A client signed in as the injector of clinic B."""
    return signed_in(injector_b)
