"""Doses and volumes against the label: per treatment, per point, per session, per year.

Amounts are only ever compared within one product (or a label-defined group of the same
substance or family): units of different toxins are never added or converted.
"""

from __future__ import annotations

import math
from datetime import timedelta

from glabella.knowledge.schema import Fact, ProductIndication
from glabella.rules.context import Context, Line


def _value(fact: Fact | None) -> float | None:
    return None if fact is None else fact.value


def _code(line: Line) -> str:
    return "DOSE_ABOVE_LABEL" if line.is_toxin else "VOLUME_ABOVE_LABEL"


def _unit(line: Line) -> str:
    return "U" if line.is_toxin else "mL"


def label_dose(ctx: Context) -> None:
    for line in ctx.lines:
        label = line.label
        if label is None or not line.supported:
            continue
        limit = _value(label.total_dose)
        if limit is not None and line.total > limit + 1e-9:
            ctx.emit(
                _code(line),
                "warn",
                line,
                f"{line.what} totals {line.total:g} {_unit(line)}, above the labelled "
                f"{limit:g} {_unit(line)}: reduce the dose or record why more is needed.",
                _source(label.total_dose, label),
            )
        _per_site(ctx, line, label)
        _site_groups(ctx, line, label)


def _source(fact: Fact | None, label: ProductIndication) -> str:
    return (fact.source if fact is not None else None) or label.source


def _per_site(ctx: Context, line: Line, label: ProductIndication) -> None:
    limit = _value(label.per_site_max)
    if limit is None:
        return
    seen: set[str] = set()
    for point in line.treatment.points:
        if point.amount > limit + 1e-9 and point.site not in seen:
            seen.add(point.site)
            ctx.emit(
                _code(line),
                "warn",
                line,
                f"{point.amount:g} {_unit(line)} of {line.product.name} at "
                f"{ctx.site_name(point.site)} is above the labelled {limit:g} {_unit(line)} "
                "per site: lower the point dose.",
                _source(label.per_site_max, label),
                site=point.site,
            )


def _site_groups(ctx: Context, line: Line, label: ProductIndication) -> None:
    for group in label.site_group_limits:
        sites = set(group.sites)
        amount = math.fsum(p.amount for p in line.treatment.points if p.site in sites)
        if amount > group.amount + 1e-9:
            ctx.emit(
                _code(line),
                "warn",
                line,
                f"{amount:g} {_unit(line)} of {line.product.name} into the {group.name} is "
                f"above the labelled {group.amount:g} {_unit(line)}: spread or lower the dose.",
                group.source,
            )


def session_dose(ctx: Context) -> None:
    """Per-product session maxima and combined-indication maxima across treatments."""
    by_product: dict[str, list[Line]] = {}
    for line in ctx.lines:
        if line.product.session_max is not None or line.product.combined_limits:
            by_product.setdefault(line.product.id, []).append(line)
    for lines in by_product.values():
        product = lines[0].product
        total = math.fsum(line.total for line in lines)
        limit = _value(product.session_max)
        if limit is not None and total > limit + 1e-9 and product.session_max is not None:
            ctx.emit(
                _code(lines[0]),
                "warn",
                lines[0],
                f"{product.name} totals {total:g} {_unit(lines[0])} this session, above the "
                f"labelled session maximum of {limit:g}: reduce or split the treatment.",
                product.session_max.source,
            )
        for combined in product.combined_limits if len(lines) > 1 else ():
            chosen = [line for line in lines if line.indication.id in combined.indications]
            if len({line.indication.id for line in chosen}) < 2:
                continue
            amount = math.fsum(line.total for line in chosen)
            if amount > combined.amount + 1e-9:
                ctx.emit(
                    _code(chosen[0]),
                    "warn",
                    chosen[0],
                    f"{product.name} for {', '.join(sorted(combined.indications))} together "
                    f"totals {amount:g}, above the labelled {combined.amount:g}: reduce the "
                    "combined dose.",
                    combined.source,
                )


def filler_volume(ctx: Context) -> None:
    """Filler session and yearly volume limits, counting the limit's product group."""
    done: set[tuple[str, str, str]] = set()
    for line in ctx.lines:
        for limit in line.product.volume_limits:
            group = limit.group or line.product.id
            key = (limit.scope, group, limit.source)
            if line.is_toxin or key in done:
                continue
            done.add(key)
            members = (
                ctx.index.group_members.get(group, frozenset({group}))
                if limit.group
                else frozenset({group})
            )
            amount = math.fsum(x.total for x in ctx.lines if x.product.id in members)
            ceiling = limit.amount_ml
            if limit.scope == "year" and limit.window_days:
                amount += _history_volume(ctx, members, limit.window_days)
                weight = ctx.proposal.patient.weight_kg
                if limit.per_body_kg and weight:
                    ceiling = limit.amount_ml * weight / limit.per_body_kg
            if amount > ceiling + 1e-9:
                period = "this session" if limit.scope == "session" else "within a year"
                ctx.emit(
                    "VOLUME_ABOVE_LABEL",
                    "warn",
                    line,
                    f"{amount:g} mL of {line.product.name} and related products {period} is "
                    f"above the labelled {ceiling:.3g} mL: reduce the volume or stage it.",
                    limit.source,
                )


def _history_volume(ctx: Context, members: frozenset[str], window_days: int) -> float:
    since = ctx.at - timedelta(days=window_days)
    return math.fsum(
        entry.amount
        for entry in ctx.proposal.history
        if entry.product in members and since < entry.date <= ctx.at
    )
