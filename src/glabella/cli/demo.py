"""``glabella loaddemo`` and ``glabella demo``: the demo clinic, loaded and served."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from glabella.cli import django_setup, serve

console = Console()
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def register(subparsers: Any) -> None:
    load = subparsers.add_parser("loaddemo", help="load the demo clinics, users and patients")
    load.set_defaults(func=run_loaddemo)

    demo = subparsers.add_parser(
        "demo", help="migrate, load the demo data, print the logins and serve on loopback"
    )
    serve.add_server_arguments(demo, default_workers=2)
    demo.add_argument("--no-serve", action="store_true", help="stop after printing the logins")
    demo.set_defaults(func=run_demo)


def run_loaddemo(args: argparse.Namespace) -> int:
    django_setup.setup()
    load_with_progress()
    print_logins()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    # The demo speaks plain HTTP on loopback, where Secure cookies would never come back.
    os.environ["GLABELLA_SECURE_COOKIES"] = "false"
    os.environ["GLABELLA_DEBUG"] = "false"
    django_setup.setup()
    migrate()
    load_with_progress()
    print_logins()
    if args.no_serve:
        return 0
    if args.host not in LOOPBACK:
        console.print("[yellow]The demo uses plain HTTP: keep it on a trusted network.[/yellow]")
    url = f"http://{args.host}:{args.port}/"
    console.print(f"\nServing [bold]{url}[/bold] (Ctrl-C stops it)\n")
    serve.collect_static()
    serve.serve(args.host, args.port, args.workers)
    return 0


def migrate() -> None:
    # The same flow as ``glabella migrate``, progress bar included.
    from glabella.cli.accounts_flows import migrate_with_progress

    applied = migrate_with_progress(console)
    console.print(f"Database: {len(applied)} migration(s) applied.")


def load_with_progress() -> None:
    from glabella.demo.loader import load_demo

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("Demo patients", total=None)
        summary = load_demo(progress=_advance(progress, task))
    console.print(
        f"Demo data: {summary.patients_created} patients created, "
        f"{summary.patients_existing} already present."
    )


def _advance(progress: Progress, task: Any) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    return report


def print_logins() -> None:
    from glabella.demo.loader import demo_logins

    # One narrow table per clinic, so nothing wraps or is cut short in an 80-column terminal.
    logins = demo_logins()
    for clinic in dict.fromkeys(login.clinic for login in logins):
        table = Table(title=f"Logins: {clinic}", box=box.SIMPLE_HEAD, title_justify="left")
        for column in ("Role", "Username", "Password"):
            table.add_column(column, no_wrap=True)
        for login in logins:
            if login.clinic == clinic:
                table.add_row(login.role, login.username, login.password)
        console.print(table)
