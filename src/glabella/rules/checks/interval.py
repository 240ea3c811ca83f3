"""Time between treatments: minimum retreatment interval and cumulative dose windows."""

from __future__ import annotations

import math
from datetime import timedelta

from glabella.knowledge.schema import CumulativeLimit
from glabella.rules.context import Context, Line
from glabella.rules.severity import capped


def retreatment(ctx: Context) -> None:
    history = ctx.proposal.history
    if not history:
        return
    for line in ctx.lines:
        label = line.label
        fact = label.min_interval_days if label is not None else None
        if not line.is_toxin or fact is None or fact.value is None:
            continue
        same = ctx.index.substance_members.get(line.product.substance, frozenset())
        since = ctx.at - timedelta(days=fact.value)
        recent = [
            e
            for e in history
            if e.product in same and e.indication == line.indication.id and since < e.date <= ctx.at
        ]
        if recent:
            last = max(e.date for e in recent).date()
            ctx.emit(
                "RETREATMENT_INTERVAL",
                "warn",
                line,
                f"{line.what} was last given on {last}, less than the labelled "
                f"{fact.value:g} days ago: wait until {last + timedelta(days=fact.value)} "
                "or record why earlier retreatment is needed.",
                fact.source,
            )


def cumulative(ctx: Context) -> None:
    done: set[int] = set()  # by id: hashing a frozen Pydantic model is slow
    for line in ctx.lines:
        for limit in line.product.cumulative_limits:
            if id(limit) in done or not _applies(ctx, limit):
                continue
            done.add(id(limit))
            _check_limit(ctx, line, limit)


def _applies(ctx: Context, limit: CumulativeLimit) -> bool:
    # Adult limits also bound children: a child's dose is never allowed above them.
    return limit.population != "pediatric" or not ctx.adult


def _check_limit(ctx: Context, first: Line, limit: CumulativeLimit) -> None:
    members = ctx.index.group_members.get(limit.group, frozenset({first.product.id}))

    def counts(product: str, indication: str) -> bool:
        return product in members and (limit.indication in (None, indication))

    since = ctx.at - timedelta(days=limit.window_days)
    now = math.fsum(x.total for x in ctx.lines if counts(x.product.id, x.indication.id))
    before = math.fsum(
        e.amount
        for e in ctx.proposal.history
        if counts(e.product, e.indication) and since < e.date <= ctx.at
    )
    if now + before <= limit.amount + 1e-9:
        return
    # The adult onabotulinumtoxinA limit is label fact (and stated by the contract); an
    # advisory limit, such as a payer's pediatric cap, may only warn.
    ctx.emit(
        "CUMULATIVE_DOSE",
        capped("block", limit.advisory),
        first,
        f"{limit.group} would total {now + before:g} {limit.unit} within {limit.window_days} "
        f"days ({before:g} already given), above the labelled {limit.amount:g} {limit.unit}: "
        "reduce this dose or wait.",
        limit.source,
    )
