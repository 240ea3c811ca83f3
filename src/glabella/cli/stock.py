"""``glabella stock receive|list`` and ``glabella recall LOT``.

Thin over :mod:`glabella.inventory.actions` and ``queries``: parse, call in a transaction,
audit, print; a domain error exits with status 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from glabella.cli import django_setup

if TYPE_CHECKING:
    from glabella.accounts.models import Clinic

DOMAIN_ERROR_EXIT = 2


def register(subparsers: Any) -> None:
    stock = subparsers.add_parser("stock", help="receive and list stock")
    actions = stock.add_subparsers(dest="stock_command", required=True, metavar="ACTION")
    receive = actions.add_parser("receive", help="receive cartons from a GS1 element string")
    receive.add_argument("--gs1", required=True, help="the scanned element string or '(01)…(17)…'")
    receive.add_argument("--clinic", help="the clinic's slug (default: the only clinic)")
    receive.add_argument("--containers", type=int, default=1, help="vials or syringes received")
    receive.add_argument("--product", default="", help="product id for a GTIN not mapped yet")
    receive.add_argument("--amount", help="units per vial or mL per syringe")
    receive.set_defaults(func=run_receive)
    listing = actions.add_parser("list", help="stock on hand, first expiring first")
    listing.add_argument("--clinic", help="the clinic's slug (default: the only clinic)")
    listing.set_defaults(func=run_list)
    recall = subparsers.add_parser("recall", help="every patient who received lot LOT")
    recall.add_argument("lot")
    recall.add_argument("--clinic", help="the clinic's slug (default: the only clinic)")
    recall.add_argument("--format", choices=["table", "csv", "json"], default="table")
    recall.set_defaults(func=run_recall)


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return DOMAIN_ERROR_EXIT


def clinic_of(slug: str | None) -> Clinic:
    from glabella.accounts.models import Clinic
    from glabella.errors import NotFound

    clinics = Clinic.objects.filter(slug=slug) if slug else Clinic.objects.all()
    found = list(clinics[:2])
    if len(found) != 1:
        raise NotFound(
            "clinic", f"Name the clinic with --clinic SLUG ({slug or 'several or none'})."
        )
    return found[0]


def amount(text: str | None) -> Decimal | None:
    from glabella.errors import InvalidInput

    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise InvalidInput("AMOUNT_INVALID", f"Not a number: {text!r}.", "amount") from None


def run_receive(args: argparse.Namespace) -> int:
    django_setup.setup()
    from django.db import transaction

    from glabella.audit.actions import CREATE, record
    from glabella.errors import DomainError
    from glabella.inventory.actions import receive_scan
    from glabella.inventory.models import qty

    try:
        clinic = clinic_of(args.clinic)
        with transaction.atomic():
            receipt = receive_scan(
                clinic,
                None,
                args.gs1,
                containers=args.containers,
                product=args.product,
                amount_per_container=amount(args.amount),
            )
            record(None, CREATE, receipt.lot, clinic=clinic, channel="cli")
    except DomainError as exc:
        return fail(f"{exc.field or exc.code}: {exc.message}")
    lot = receipt.lot
    print(
        f"Received {receipt.containers} x {qty(lot.amount_per_container)} {lot.unit} of "
        f"{lot.product}, lot {lot.lot_number}, expiry {lot.expiry:%Y-%m-%d}; "
        f"{lot.containers_left} in stock."
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    django_setup.setup()
    from glabella.errors import DomainError
    from glabella.inventory.models import qty
    from glabella.inventory.queries import stock_on_hand

    try:
        clinic = clinic_of(args.clinic)
    except DomainError as exc:
        return fail(exc.message)
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(["product", "lot", "expiry", "sealed", "in open vials", "total", "unit"])
    for row in stock_on_hand(clinic):
        lot = row.lot
        writer.writerow(
            [
                lot.product,
                lot.lot_number,
                f"{lot.expiry:%Y-%m-%d}",
                lot.containers_left,
                qty(row.in_open_vials),
                qty(row.total),
                lot.unit,
            ]
        )
    return 0


def run_recall(args: argparse.Namespace) -> int:
    django_setup.setup()
    from glabella.audit.actions import READ, record
    from glabella.errors import DomainError
    from glabella.inventory.queries import RECALL_COLUMNS, recall, recall_records

    try:
        clinic = clinic_of(args.clinic)
    except DomainError as exc:
        return fail(exc.message)
    rows = recall_records(recall(clinic, args.lot))
    # A recall list is patient data: its reading is audited like a chart view.
    record(
        None,
        READ,
        object_type="inventory.recall",
        object_id=args.lot[:64],
        clinic=clinic,
        channel="cli",
    )
    if args.format == "json":
        json.dump({"lot": args.lot, "patients": rows}, sys.stdout, indent=2)
        print()
        return 0
    delimiter = "," if args.format == "csv" else "\t"
    writer = csv.DictWriter(sys.stdout, RECALL_COLUMNS, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return 0
