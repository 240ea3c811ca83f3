"""``glabella createuser``, ``glabella migrate`` and ``glabella token``.

Thin over :mod:`glabella.accounts.actions`: the command parses, calls the action in a
transaction, records the audit event and maps a domain error to exit status 2.
"""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from rich.console import Console

from glabella.cli import django_setup

console = Console()
err_console = Console(stderr=True)
DOMAIN_ERROR_EXIT = 2


def register(subparsers: Any) -> None:
    register_createuser(subparsers)
    register_migrate(subparsers)
    register_token(subparsers)


def register_createuser(subparsers: Any) -> None:
    parser = subparsers.add_parser("createuser", help="create a user with a role in a clinic")
    parser.add_argument("username")
    parser.add_argument("--clinic", required=True, help="the clinic's slug")
    parser.add_argument("--role", required=True, help="injector, physician, front_desk or admin")
    parser.add_argument("--password", help="prompted for when omitted")
    parser.add_argument("--email", default="")
    parser.add_argument("--create-clinic", metavar="NAME", help="create the clinic first")
    parser.add_argument("--token", action="store_true", help="also issue an API token")
    parser.set_defaults(func=run_createuser)


def register_migrate(subparsers: Any) -> None:
    parser = subparsers.add_parser("migrate", help="create or upgrade the database")
    parser.set_defaults(func=run_migrate)


def register_token(subparsers: Any) -> None:
    parser = subparsers.add_parser("token", help="manage API tokens")
    actions = parser.add_subparsers(dest="token_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="issue a token for USER (printed once)")
    create.add_argument("username")
    create.add_argument("--clinic", help="the clinic's slug (default: the user's first clinic)")
    create.add_argument("--name", default="", help="a label, such as the script using it")
    create.set_defaults(func=run_token_create)
    revoke = actions.add_parser("revoke", help="revoke the token starting with PREFIX")
    revoke.add_argument("prefix")
    revoke.set_defaults(func=run_token_revoke)


def fail(message: str) -> int:
    err_console.print(f"[red]error:[/red] {message}")
    return DOMAIN_ERROR_EXIT


def ask_password() -> str:
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password (again): "):
        raise SystemExit(fail("the passwords differ"))
    return first


def run_createuser(args: argparse.Namespace) -> int:
    django_setup.setup()
    from glabella.cli import accounts_flows
    from glabella.errors import DomainError

    password = args.password if args.password is not None else ask_password()
    try:
        user, secret = accounts_flows.create_user(args, password)
    except DomainError as exc:
        return fail(f"{exc.field or exc.code}: {exc.message}")
    console.print(f"Created [bold]{user.username}[/bold] as {args.role} in {args.clinic}.")
    if secret:
        print_secret(secret)
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    django_setup.setup()
    from glabella.cli import accounts_flows

    applied = accounts_flows.migrate_with_progress(console)
    console.print(f"{len(applied)} migration(s) applied; the database is up to date.")
    return 0


def run_token_create(args: argparse.Namespace) -> int:
    django_setup.setup()
    from glabella.cli import accounts_flows
    from glabella.errors import DomainError

    try:
        secret = accounts_flows.create_token(args.username, args.clinic, args.name)
    except DomainError as exc:
        return fail(exc.message)
    print_secret(secret)
    return 0


def run_token_revoke(args: argparse.Namespace) -> int:
    django_setup.setup()
    from glabella.cli import accounts_flows
    from glabella.errors import DomainError

    try:
        accounts_flows.revoke_token(args.prefix)
    except DomainError as exc:
        return fail(exc.message)
    console.print(f"Revoked {args.prefix}.")
    return 0


def print_secret(secret: str) -> None:
    console.print("API token (shown once; send it as 'Authorization: Bearer <token>'):")
    console.print(secret, markup=False, highlight=False, soft_wrap=True)
