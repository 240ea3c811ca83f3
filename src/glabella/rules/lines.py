"""Per-treatment results: amount, volume to draw, retreatment, review and refresh dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from glabella.knowledge.schema import Fact
from glabella.rules.context import Context, Line
from glabella.rules.contract import DilutionUsed, Window
from glabella.rules.contract import Line as LineResult
from glabella.rules.index import RuleIndex


@dataclass(frozen=True, slots=True)
class LineFacts:
    """What the knowledge base says for one product and indication, looked up once."""

    dilution: DilutionUsed | None
    interval: timedelta | None
    review: timedelta | None
    refresh: tuple[timedelta, timedelta] | None


def line_results(ctx: Context) -> list[LineResult]:
    day = ctx.at.date()
    return [_result(line, _facts(ctx.index, line), day) for line in ctx.lines]


def _result(line: Line, facts: LineFacts, day: date) -> LineResult:
    chosen = line.treatment.dilution
    dilution = (
        facts.dilution if chosen is None else DilutionUsed(chosen.vial_units, chosen.diluent_ml)
    )
    draw = None
    if dilution is not None and line.is_toxin:
        draw = round(line.total * dilution.diluent_ml / dilution.vial_units, 4)
    total = round(line.total, 6)
    return LineResult(
        treatment=line.index,
        product=line.product.id,
        indication=line.indication.id,
        units=total if line.is_toxin else None,
        volume_ml=None if line.is_toxin else total,
        draw_ml=draw,
        dilution=dilution if line.is_toxin else None,
        earliest_retreatment=None if facts.interval is None else day + facts.interval,
        review=None if facts.review is None else day + facts.review,
        refresh=None
        if facts.refresh is None
        else Window(day + facts.refresh[0], day + facts.refresh[1]),
    )


def _facts(index: RuleIndex, line: Line) -> LineFacts:
    key = (line.product.id, line.indication.id)
    found = index.line_facts.get(key)
    if found is None:
        found = index.line_facts[key] = _look_up(index, line)
    return found


def _look_up(index: RuleIndex, line: Line) -> LineFacts:
    label = line.label
    review = label.review_after_days if label else None
    if review is None or review.value is None:
        review = index.aftercare_review.get(line.product.id)
    refresh = None
    duration = label.duration_days if label else None
    if duration is not None and (duration.low is not None or duration.high is not None):
        low = duration.low if duration.low is not None else duration.high
        high = duration.high if duration.high is not None else duration.low
        assert low is not None and high is not None  # one of them is set (checked above)
        refresh = (timedelta(days=low), timedelta(days=high))
    return LineFacts(
        dilution=_dilution(line) if line.is_toxin else None,
        interval=_days(label.min_interval_days if label else None),
        review=_days(review),
        refresh=refresh,
    )


def _days(fact: Fact | None) -> timedelta | None:
    return None if fact is None or fact.value is None else timedelta(days=fact.value)


def _dilution(line: Line) -> DilutionUsed | None:
    """The label row for the indication, else the product's first general row."""
    rows = line.product.reconstitution
    row = next((r for r in rows if r.indication == line.indication.id), None)
    row = row or next((r for r in rows if r.indication is None), None)
    return None if row is None else DilutionUsed(row.vial_units, row.diluent_ml)
