"""Helpers the benchmark scripts share."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit


def create_database_if_missing(url: str) -> None:
    """Create the benchmark's own PostgreSQL database the first time it runs."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def open_database(url: str) -> bool:
    """Point Django at ``url``, creating and migrating the database; True on PostgreSQL."""
    postgres = url.startswith(("postgres://", "postgresql://"))
    if postgres:
        create_database_if_missing(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glabella.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return postgres
