"""Lot expiry and the in-use time of a reconstituted vial."""

from __future__ import annotations

from datetime import timedelta

from glabella.rules.context import Context
from glabella.rules.severity import capped


def lot(ctx: Context) -> None:
    for line in ctx.lines:
        given = line.treatment.lot
        if given is None:
            continue
        number = f" {given.number}" if given.number else ""
        if given.expiry < ctx.at:
            ctx.emit(
                "LOT_EXPIRED",
                "block",
                line,
                f"Lot{number} of {line.product.name} expired on {given.expiry.date()}: "
                "use an unexpired lot and quarantine this one.",
                line.product.source,
            )
        limit = line.product.in_use_hours
        if given.reconstituted_at is None or limit is None or limit.value is None:
            continue
        if ctx.at - given.reconstituted_at > timedelta(hours=limit.value):
            unverified = " (an unverified in-use limit)" if limit.advisory else ""
            ctx.emit(
                "VIAL_BEYOND_USE",
                capped("block", limit.advisory),
                line,
                f"Vial{number} of {line.product.name} was reconstituted more than "
                f"{limit.value:g} h ago{unverified}: discard it and reconstitute a new vial.",
                limit.source,
            )
