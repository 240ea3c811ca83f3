"""Database work behind ``glabella createuser``, ``migrate`` and ``token`` (Django is set up)."""

from __future__ import annotations

import argparse
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.core.management.commands.migrate import Command as MigrateCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from glabella.accounts import actions
from glabella.accounts.models import ApiToken, Clinic, Membership, User
from glabella.audit.actions import CREATE, UPDATE, record
from glabella.errors import NotFound


def find_clinic(slug: str) -> Clinic:
    clinic = Clinic.objects.filter(slug=slug).first()
    if clinic is None:
        raise NotFound("clinic.not_found", f"No clinic with slug {slug!r}.", "clinic")
    return clinic


@transaction.atomic
def create_user(args: argparse.Namespace, password: str) -> tuple[User, str]:
    """The user (and clinic, token) as the command asked; the token's secret or ""."""
    if args.create_clinic:
        clinic = actions.create_clinic(args.create_clinic, slug=args.clinic)
        record(None, CREATE, clinic, clinic=clinic, channel="cli")
    else:
        clinic = find_clinic(args.clinic)
    user = actions.create_user(args.username, password, clinic, args.role, email=args.email)
    record(None, CREATE, user, clinic=clinic, channel="cli")
    if not args.token:
        return user, ""
    return user, issue_token(user.memberships.get(clinic=clinic), "createuser")


def issue_token(membership: Membership, name: str) -> str:
    issued = actions.create_api_token(membership, name)
    record(None, CREATE, issued.token, clinic=membership.clinic, channel="cli")
    return issued.secret


@transaction.atomic
def create_token(username: str, clinic_slug: str | None, name: str) -> str:
    memberships = Membership.objects.select_related("clinic").filter(user__username=username)
    if clinic_slug:
        memberships = memberships.filter(clinic__slug=clinic_slug)
    membership = memberships.order_by("clinic_id").first()
    if membership is None:
        raise NotFound("membership.not_found", f"{username!r} has no such clinic.", "username")
    return issue_token(membership, name)


@transaction.atomic
def revoke_token(prefix: str) -> None:
    token = ApiToken.objects.select_related("membership__clinic").filter(prefix=prefix).first()
    if token is None:
        raise NotFound("token.not_found", f"No token starts with {prefix!r}.", "prefix")
    actions.revoke_api_token(token)
    record(None, UPDATE, token, clinic=token.membership.clinic, channel="cli")


def pending_migrations() -> int:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    return len(executor.migration_plan(targets))


class ProgressMigrate(MigrateCommand):
    """Django's migrate, reporting each applied migration to a rich progress bar."""

    def __init__(self, progress: Progress, task: Any, applied: list[str]) -> None:
        super().__init__(stdout=StringIO(), stderr=StringIO())
        self.progress, self.task, self.applied = progress, task, applied

    def migration_progress_callback(
        self, action: str, migration: Any = None, fake: bool = False
    ) -> None:
        if action == "apply_success" and migration is not None:
            self.applied.append(str(migration))
            self.progress.update(self.task, advance=1, description=str(migration))


def migrate_with_progress(console: Console) -> list[str]:
    applied: list[str] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("Migrating", total=pending_migrations())
        call_command(ProgressMigrate(progress, task, applied), interactive=False, verbosity=1)
    return applied
