"""Deduct what a signed session charted, inside the signing transaction.

Registered with :func:`glabella.treatments.hooks.register_on_signed`. Each line's total
comes off its vial (toxins) or its lot (filler syringes). Rows are locked with
``SELECT … FOR UPDATE`` in id order, so two sessions signing against the same vial wait
for each other instead of both reading the same ``units_left`` (and cannot deadlock);
a refusal raises a domain error, which rolls the signing back.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from glabella.errors import Conflict, InvalidInput
from glabella.inventory.models import Lot, StockMovement, Vial, qty

if TYPE_CHECKING:
    from glabella.treatments.models import Session, TreatmentLine


def line_total(line: TreatmentLine) -> Decimal:
    """Units (toxin) or mL (filler) charted on a line's points."""
    total = Decimal(0)
    for point in line.points.all():
        total += point.units if point.units is not None else (point.volume_ml or Decimal(0))
    return total


def deduct_session(session: Session) -> None:
    now = session.signed_at or timezone.now()
    lines = [
        line for line in session.lines.prefetch_related("points") if line.lot_id or line.vial_id
    ]
    vial_ids = sorted({line.vial_id for line in lines if line.vial_id})
    lot_ids = sorted({line.lot_id for line in lines if line.lot_id and not line.vial_id})
    # Lock every row first, in a fixed order, then deduct.
    vials = (
        Vial.objects.select_for_update()
        .select_related("lot")
        .filter(clinic_id=session.clinic_id, pk__in=vial_ids)
        .order_by("pk")
    )
    locked_vials = {vial.pk: vial for vial in vials}
    lots = (
        Lot.objects.select_for_update()
        .filter(clinic_id=session.clinic_id, pk__in=lot_ids)
        .order_by("pk")
    )
    locked_lots = {lot.pk: lot for lot in lots}
    drawn: dict[int, Decimal] = defaultdict(Decimal)
    for line in lines:
        total = line_total(line)
        if total <= 0:
            continue
        if line.vial_id:
            draw_from_vial(locked_vials[line.vial_id], line, total, drawn, now)
        elif line.lot_id:
            draw_from_lot(locked_lots[line.lot_id], line, total, now)
    for vial_id, amount in drawn.items():
        vial = locked_vials[vial_id]
        vial.units_left -= amount
        vial.save(update_fields=["units_left"])


def draw_from_vial(
    vial: Vial, line: TreatmentLine, total: Decimal, drawn: dict[int, Decimal], now: datetime
) -> None:
    check_vial(vial, now)
    left = vial.units_left - drawn[vial.pk]
    if total > left:
        raise Conflict(
            "VIAL_INSUFFICIENT",
            f"Vial {vial.pk} of lot {vial.lot.lot_number} has {qty(left)} U left; "
            f"{qty(total)} U were charted. Chart the rest from another vial.",
            "vial",
        )
    drawn[vial.pk] += total
    StockMovement.objects.create(
        clinic_id=vial.clinic_id,
        lot_id=vial.lot_id,
        vial=vial,
        kind=StockMovement.ADMINISTER,
        amount=-total,
        treatment_line=line,
        by=line.session.signed_by,
        at=now,
    )


def check_vial(vial: Vial, now: datetime) -> None:
    if vial.discarded_at is not None:
        raise Conflict("VIAL_DISCARDED", f"Vial {vial.pk} was discarded.", "vial")
    if vial.beyond_use_at is not None and vial.beyond_use_at <= now:
        raise InvalidInput(
            "VIAL_BEYOND_USE",
            f"Vial {vial.pk} of lot {vial.lot.lot_number} was beyond use at "
            f"{timezone.localtime(vial.beyond_use_at):%Y-%m-%d %H:%M}.",
            "vial",
        )
    check_lot(vial.lot, now)


def check_lot(lot: Lot, now: datetime) -> None:
    if lot.expiry < timezone.localdate(now):
        raise InvalidInput(
            "LOT_EXPIRED", f"Lot {lot.lot_number} expired on {lot.expiry:%Y-%m-%d}.", "lot"
        )


def draw_from_lot(lot: Lot, line: TreatmentLine, total: Decimal, now: datetime) -> None:
    """Fillers: whole single-patient syringes leave stock; an unused rest is waste."""
    check_lot(lot, now)
    if lot.unit == "U":
        raise InvalidInput(
            "VIAL_REQUIRED",
            f"Lot {lot.lot_number} is a toxin: chart it from a reconstituted vial.",
            "vial",
        )
    syringes = math.ceil(total / lot.amount_per_container)
    if syringes > lot.containers_left:
        raise Conflict(
            "LOT_INSUFFICIENT",
            f"Lot {lot.lot_number} has {lot.containers_left} syringe(s) left; "
            f"{qty(total)} mL need {syringes}.",
            "lot",
        )
    lot.containers_left -= syringes
    lot.save(update_fields=["containers_left"])
    by = line.session.signed_by
    StockMovement.objects.create(
        clinic_id=lot.clinic_id,
        lot=lot,
        kind=StockMovement.ADMINISTER,
        amount=-total,
        containers=-syringes,
        treatment_line=line,
        by=by,
        at=now,
    )
    rest = lot.amount_per_container * syringes - total
    if rest > 0:
        StockMovement.objects.create(
            clinic_id=lot.clinic_id,
            lot=lot,
            kind=StockMovement.WASTE,
            amount=-rest,
            treatment_line=line,
            note="rest of a single-patient syringe",
            by=by,
            at=now,
        )
