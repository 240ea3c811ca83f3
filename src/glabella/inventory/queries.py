"""Stock reads: on hand, expiring, open vials, usage and waste, charting choices, recall."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from glabella.accounts.models import Clinic, User
from glabella.inventory.models import Lot, ProductCode, StockMovement, Vial, qty

ZERO = Decimal(0)


@dataclass(frozen=True)
class StockRow:
    lot: Lot
    sealed: Decimal
    in_open_vials: Decimal

    @property
    def total(self) -> Decimal:
        return self.sealed + self.in_open_vials


def lots_in_stock(clinic: Clinic) -> QuerySet[Lot]:
    open_vial = Q(vials__discarded_at__isnull=True)
    return (
        Lot.objects.filter(clinic=clinic)
        .annotate(open_units=Coalesce(Sum("vials__units_left", filter=open_vial), ZERO))
        .filter(Q(containers_left__gt=0) | Q(open_units__gt=0))
        .order_by("expiry", "product", "lot_number")
    )


def product_codes(clinic: Clinic) -> QuerySet[ProductCode]:
    """The clinic's GTIN table (one row per GTIN, so it stays as small as its catalogue)."""
    return (
        ProductCode.objects.filter(clinic=clinic)
        .select_related("created_by")
        .order_by("product", "gtin", "pk")
    )


def stock_on_hand(clinic: Clinic) -> list[StockRow]:
    return [
        StockRow(lot, lot.amount_per_container * lot.containers_left, lot.open_units)  # type: ignore[attr-defined]
        for lot in lots_in_stock(clinic)
    ]


def expiring(clinic: Clinic, days: int, today: date | None = None) -> list[StockRow]:
    """Stock whose expiry falls within ``days`` (already expired stock included)."""
    limit = (today or timezone.localdate()) + timedelta(days=days)
    return [row for row in stock_on_hand(clinic) if row.lot.expiry <= limit]


def open_vials(clinic: Clinic) -> QuerySet[Vial]:
    return (
        Vial.objects.filter(clinic=clinic, discarded_at__isnull=True)
        .select_related("lot", "opened_by")
        .order_by("beyond_use_at", "pk")
    )


def time_left(vial: Vial, now: datetime | None = None) -> timedelta | None:
    if vial.beyond_use_at is None:
        return None
    return max(vial.beyond_use_at - (now or timezone.now()), timedelta(0))


@dataclass(frozen=True)
class ChartingChoice:
    """One option of the charting form's lot <select>; set both ids on the line."""

    value: str
    label: str
    lot_id: int
    vial_id: int | None
    expiry: date


def lots_for_charting(
    clinic: Clinic, product_id: str, now: datetime | None = None
) -> list[ChartingChoice]:
    """Open vials usable now, then lots with sealed stock, each first expiring first.

    Toxins are charted from a reconstituted vial, so only fillers list lots.
    """
    return lots_for_charting_many(clinic, [product_id], now)[product_id]


def lots_for_charting_many(
    clinic: Clinic, product_ids: Iterable[str], now: datetime | None = None
) -> dict[str, list[ChartingChoice]]:
    """:func:`lots_for_charting` for several products in two queries, not two per product."""
    wanted = list(dict.fromkeys(product_ids))
    now = now or timezone.now()
    today = timezone.localdate(now)
    choices: dict[str, list[ChartingChoice]] = {product: [] for product in wanted}
    if not wanted:
        return choices
    vials = (
        open_vials(clinic)
        .filter(lot__product__in=wanted, units_left__gt=0, lot__expiry__gte=today)
        .filter(Q(beyond_use_at__isnull=True) | Q(beyond_use_at__gt=now))
        .order_by("beyond_use_at", "lot__expiry", "pk")
    )
    # Splitting one ordered result by product keeps each product's own order.
    for vial in vials:
        choices[vial.lot.product].append(vial_choice(vial, now))
    lots = Lot.objects.filter(
        clinic=clinic, product__in=wanted, containers_left__gt=0, expiry__gte=today
    ).exclude(unit="U")
    for lot in lots.order_by("expiry", "pk"):
        label = (
            f"Lot {lot.lot_number}, exp {lot.expiry:%Y-%m-%d}, "
            f"{lot.containers_left} x {qty(lot.amount_per_container)} {lot.unit}"
        )
        choices[lot.product].append(
            ChartingChoice(f"lot:{lot.pk}", label, lot.pk, None, lot.expiry)
        )
    return choices


def vial_choice(vial: Vial, now: datetime) -> ChartingChoice:
    left = time_left(vial, now)
    until = f", {hours_text(left)} left" if left is not None else ""
    label = (
        f"Vial {vial.pk} (lot {vial.lot.lot_number}), {qty(vial.units_left)} U left, "
        f"{qty(vial.units_per_0_1ml or 0)} U/0.1 mL{until}"
    )
    return ChartingChoice(f"vial:{vial.pk}", label, vial.lot_id, vial.pk, vial.lot.expiry)


def hours_text(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


@dataclass(frozen=True)
class UsageRow:
    key: str
    product: str
    unit: str
    administered: Decimal
    wasted: Decimal


def usage_and_waste(
    clinic: Clinic, start: datetime, end: datetime, by: str = "product"
) -> list[UsageRow]:
    """Administered and discarded amounts in [start, end), by product or by injector."""
    movements = StockMovement.objects.filter(
        clinic=clinic,
        kind__in=[StockMovement.ADMINISTER, StockMovement.WASTE],
        at__gte=start,
        at__lt=end,
    )
    group = ["lot__product", "lot__unit"]
    if by == "injector":
        movements = movements.annotate(who=Coalesce("treatment_line__session__injector", "by"))
        group = ["who", *group]
    totals = movements.values(*group).annotate(
        administered=Coalesce(Sum("amount", filter=Q(kind=StockMovement.ADMINISTER)), ZERO),
        wasted=Coalesce(Sum("amount", filter=Q(kind=StockMovement.WASTE)), ZERO),
    )
    names = user_names(row.get("who") for row in totals) if by == "injector" else {}
    rows = [
        UsageRow(
            key=names.get(row.get("who"), "—") if by == "injector" else row["lot__product"],
            product=row["lot__product"],
            unit=row["lot__unit"],
            administered=-row["administered"],
            wasted=-row["wasted"],
        )
        for row in totals
    ]
    return sorted(rows, key=lambda r: (r.key, r.product))


def user_names(ids: object) -> dict[int | None, str]:
    wanted = {i for i in ids if i is not None}  # type: ignore[attr-defined]
    return {u.pk: u.get_full_name() or u.username for u in User.objects.filter(pk__in=wanted)}


@dataclass(frozen=True)
class RecallRow:
    patient_id: int
    record_number: int
    patient_name: str
    birth_date: date
    email: str
    phone: str
    session_id: int
    date: datetime | None
    product: str
    lot_number: str
    vial_id: int | None
    amount: Decimal
    unit: str
    injector: str


def recall(clinic: Clinic, lot_number: str) -> list[RecallRow]:
    """Every signed treatment line drawn from the lot, directly or through one of its vials.

    Two indexed look-ups (lots by clinic and number, vials by lot) give the ids; the
    lines are then found through their ``lot_id`` and ``vial_id`` foreign-key indexes.
    """
    from glabella.treatments.models import TreatmentLine

    lot_ids = list(
        Lot.objects.filter(clinic=clinic, lot_number=lot_number.strip()).values_list(
            "pk", flat=True
        )
    )
    if not lot_ids:
        return []
    vial_ids = list(Vial.objects.filter(lot_id__in=lot_ids).values_list("pk", flat=True))
    lines = (
        TreatmentLine.objects.filter(clinic=clinic, session__status="signed")
        .filter(Q(lot_id__in=lot_ids) | Q(vial_id__in=vial_ids))
        .annotate(units=Sum("points__units"), volume=Sum("points__volume_ml"))
        .values(
            "session_id",
            "session__signed_at",
            "product",
            "vial_id",
            "units",
            "volume",
            "session__patient_id",
            "session__patient__record_number",
            "session__patient__family_name",
            "session__patient__given_name",
            "session__patient__birth_date",
            "session__patient__email",
            "session__patient__phone",
            "session__injector__first_name",
            "session__injector__last_name",
            "session__injector__username",
            "lot__lot_number",
            "vial__lot__lot_number",
        )
        .order_by("session__signed_at", "session_id", "vial_id")
    )
    return [recall_row(line) for line in lines]


def recall_row(line: dict[str, Any]) -> RecallRow:
    injector = f"{line['session__injector__first_name']} {line['session__injector__last_name']}"
    units = line["units"]
    return RecallRow(
        patient_id=line["session__patient_id"],
        record_number=line["session__patient__record_number"],
        patient_name=(
            f"{line['session__patient__family_name']}, {line['session__patient__given_name']}"
        ),
        birth_date=line["session__patient__birth_date"],
        email=line["session__patient__email"],
        phone=line["session__patient__phone"],
        session_id=line["session_id"],
        date=line["session__signed_at"],
        product=line["product"],
        lot_number=line["lot__lot_number"] or line["vial__lot__lot_number"],
        vial_id=line["vial_id"],
        amount=(units if units is not None else line["volume"]) or ZERO,
        unit="U" if units is not None else "mL",
        injector=injector.strip() or line["session__injector__username"],
    )


RECALL_COLUMNS = [
    "record_number",
    "patient_name",
    "birth_date",
    "email",
    "phone",
    "session_id",
    "date",
    "product",
    "lot_number",
    "vial_id",
    "amount",
    "unit",
    "injector",
]


def recall_records(rows: list[RecallRow]) -> list[dict[str, str]]:
    """Rows as plain strings, for CSV and JSON."""
    return [
        {col: "" if getattr(row, col) is None else str(getattr(row, col)) for col in RECALL_COLUMNS}
        for row in rows
    ]


def engine_lot(lot: Lot, vial: Vial | None) -> dict[str, object]:
    """The rule engine's ``Treatment.lot`` for a charted lot or vial.

    With it the engine raises LOT_EXPIRED and VIAL_BEYOND_USE while the chart is drafted.
    """
    return {
        "number": lot.lot_number,
        "expiry": lot.expiry.isoformat(),
        "reconstituted_at": vial.reconstituted_at.isoformat() if vial is not None else None,
    }
