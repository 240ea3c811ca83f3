"""``glabella forecast recompute [--clinic SLUG]``: rebuild every stored refresh forecast."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.progress import Progress

from glabella.cli.django_setup import setup

BATCH = 1000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("forecast", help="refresh forecasts")
    commands = parser.add_subparsers(dest="forecast_command", required=True, metavar="SUBCOMMAND")
    recompute = commands.add_parser(
        "recompute", help="recompute the forecasts of every patient (of one clinic)"
    )
    recompute.add_argument("--clinic", help="clinic slug (default: every clinic)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    setup()
    from glabella.accounts.models import Clinic

    clinics = Clinic.objects.order_by("slug")
    if args.clinic:
        clinics = clinics.filter(slug=args.clinic)
        if not clinics.exists():
            sys.stderr.write(f"No clinic with slug {args.clinic!r}.\n")
            return 2
    stored = sum(recompute_clinic(clinic) for clinic in clinics)
    sys.stdout.write(f"{stored} forecasts stored.\n")
    return 0


def recompute_clinic(clinic: Any) -> int:
    """All patients of a clinic, in batches of primary keys, one transaction per batch."""
    from django.db import transaction

    from glabella.knowledge import load_knowledge
    from glabella.patients.models import Patient
    from glabella.refresh.actions import recompute_batch

    kb = load_knowledge()
    patients = Patient.objects.filter(clinic=clinic).order_by("pk")
    stored, last = 0, 0
    with Progress() as progress:
        task = progress.add_task(str(clinic.name), total=patients.count())
        while batch := list(patients.filter(pk__gt=last).values_list("pk", flat=True)[:BATCH]):
            with transaction.atomic():
                stored += recompute_batch(clinic.pk, batch, kb=kb)
            progress.advance(task, len(batch))
            last = batch[-1]
    return stored
