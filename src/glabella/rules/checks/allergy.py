"""Hypersensitivity to a product or its ingredients, and the Bellafill-type skin test."""

from __future__ import annotations

from datetime import timedelta

from glabella.rules.context import Context, Line
from glabella.rules.severity import capped

DEFAULT_SKIN_TEST_DAYS = 28  # the contract's "4 weeks or more before"


def hypersensitivity(ctx: Context) -> None:
    if not ctx.allergies:
        return
    allergens = ctx.index.allergens
    for line in ctx.lines:
        hits = ctx.allergies & allergens.get(line.product.id, frozenset())
        if not hits:
            continue
        names = ", ".join(_allergy_label(ctx, a) for a in sorted(hits))
        ctx.emit(
            "HYPERSENSITIVITY",
            "block",
            line,
            f"Allergy to {names}: {line.product.name} contains it; do not use this product.",
            line.product.ingredients_source or _allergy_source(ctx, hits),
        )


def _allergy_label(ctx: Context, allergy: str) -> str:
    entry = ctx.index.kb.allergies.get(allergy)
    return entry.label if entry else allergy.replace("_", " ")


def _allergy_source(ctx: Context, hits: frozenset[str]) -> str | None:
    for allergy in sorted(hits):
        entry = ctx.index.kb.allergies.get(allergy)
        if entry is not None and entry.source:
            return entry.source
    return None


def skin_test(ctx: Context) -> None:
    for line in ctx.lines:
        rule = line.product.skin_test
        if rule.required:
            _skin_test_line(ctx, line)


def _skin_test_line(ctx: Context, line: Line) -> None:
    rule = line.product.skin_test
    fact = rule.min_days_before
    days = int(fact.value) if fact is not None and fact.value is not None else None
    days = DEFAULT_SKIN_TEST_DAYS if days is None else days
    source = rule.source or (fact.source if fact is not None else None)
    tests = [t for t in ctx.proposal.patient.skin_tests if t.product == line.product.id]
    if any(t.result == "positive" for t in tests):
        message = (
            f"Positive skin test for {line.product.name}: the product is contraindicated; "
            "do not treat with it."
        )
    elif any(t.result == "negative" and t.date <= ctx.at - timedelta(days=days) for t in tests):
        return
    else:
        message = (
            f"{line.product.name} needs a negative skin test at least {days} days before "
            "treatment: do the test and book the treatment once it has stayed negative."
        )
    advisory = fact is not None and fact.advisory
    ctx.emit("SKIN_TEST_REQUIRED", capped("block", advisory), line, message, source)
