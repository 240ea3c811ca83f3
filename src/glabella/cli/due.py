"""``glabella due --within 30d --format json|csv|table [--clinic SLUG]``: who is due a refresh."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table

from glabella.cli.django_setup import setup

PERIOD = re.compile(r"^\s*(\d{1,4})\s*([dw]?)\s*$", re.IGNORECASE)
MAX_DAYS = 730


def parse_period(text: str) -> int:
    """Days in "30d", "4w" or "30" (days); argparse shows the error message on failure."""
    match = PERIOD.match(text)
    if not match:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a period: write days or weeks, e.g. 30d or 4w"
        )
    days = int(match.group(1)) * (7 if match.group(2).lower() == "w" else 1)
    if not 1 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"the period must be 1 to {MAX_DAYS} days, not {days}")
    return days


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("due", help="list patients due for a refresh")
    parser.add_argument(
        "--within", type=parse_period, default=28, help="period ahead, e.g. 30d or 4w (28d)"
    )
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument("--clinic", help="clinic slug (needed when there are several)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    setup()
    from django.utils import timezone

    from glabella.audit.actions import record
    from glabella.refresh import export, queries

    clinic = find_clinic(args.clinic)
    if clinic is None:
        return 2
    record(None, "due_list", object_type="refresh.refreshforecast", channel="cli", clinic=clinic)
    rows = queries.due_rows(clinic, args.within, timezone.localdate())
    if args.format == "csv":
        sys.stdout.writelines(export.csv_lines(rows))
    elif args.format == "json":
        write_json(export.as_dict(row) for row in rows)
    else:
        print_table([export.as_dict(row) for row in rows], args.within)
    return 0


def find_clinic(slug: str | None) -> Any:
    """The clinic named by ``slug``, or the only clinic; prints why not and returns None."""
    from glabella.accounts.models import Clinic

    if slug:
        clinic = Clinic.objects.filter(slug=slug).first()
        if clinic is None:
            sys.stderr.write(f"No clinic with slug {slug!r}.\n")
        return clinic
    clinics = list(Clinic.objects.order_by("slug")[:2])
    if len(clinics) == 1:
        return clinics[0]
    if not clinics:
        sys.stderr.write("There is no clinic yet.\n")
    else:
        slugs = ", ".join(Clinic.objects.order_by("slug").values_list("slug", flat=True)[:20])
        sys.stderr.write(f"Several clinics: choose one with --clinic ({slugs}).\n")
    return None


def write_json(rows: Iterable[dict[str, Any]]) -> None:
    # Streamed as one JSON array so a large clinic never sits in memory as one string.
    sys.stdout.write("[")
    for index, row in enumerate(rows):
        sys.stdout.write(("," if index else "") + "\n  " + json.dumps(row, ensure_ascii=False))
    sys.stdout.write("\n]\n")


def print_table(rows: list[dict[str, Any]], days: int) -> None:
    table = Table("patient", "area", "last treated", "forecast", "range", "contact", "why")
    table.title = f"Due within {days} days ({len(rows)})"
    for row in rows:
        table.add_row(
            f"{row['patient']} #{row['record_number']}",
            f"{row['indication']} ({row['product']})",
            row["last_treated_on"],
            row["predicted_on"],
            f"{row['low_on']} to {row['high_on']}",
            row["contact"],
            row["explanation"],
        )
    Console(file=sys.stdout, width=200, soft_wrap=False).print(table)
