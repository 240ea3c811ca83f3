"""From one patient's treatments and reports to their forecasts (no database access here).

Treatments are grouped by indication; within an indication only treatments of the last
treatment's product class count (a filler does not tell how long a toxin lasts). The
prior comes from the last treatment's product.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from glabella.forecast import Forecast, Report, forecast, observations, prior_for
from glabella.forecast.kb import names
from glabella.knowledge import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Given:
    """One administration: a prior treatment row or a line of a signed session."""

    given_on: date
    product: str
    indication: str


@dataclass(frozen=True, slots=True)
class Planned:
    """The forecast for one indication, with what it was computed from."""

    indication: str
    product: str
    product_class: str
    last_treated_on: date
    forecast: Forecast


def plan(
    kb: KnowledgeBase, given: Iterable[Given], reports: Iterable[tuple[str, Report]]
) -> list[Planned]:
    """One forecast per treated indication (reports are ``(indication, Report)``)."""
    by_indication: dict[str, list[Given]] = defaultdict(list)
    for item in given:
        by_indication[item.indication].append(item)
    reported: dict[str, list[Report]] = defaultdict(list)
    for indication, report in reports:
        reported[indication].append(report)
    found = (
        _one(kb, indication, rows, reported[indication])
        for indication, rows in sorted(by_indication.items())
    )
    return [item for item in found if item is not None]


def _one(
    kb: KnowledgeBase, indication: str, rows: Sequence[Given], reports: Sequence[Report]
) -> Planned | None:
    last = max(rows, key=lambda g: (g.given_on, g.product))
    product_class = _class_of(kb, last.product)
    same_class = [g.given_on for g in rows if _class_of(kb, g.product) == product_class]
    product_name, indication_name = names(kb, last.product, indication)
    result = forecast(
        last.given_on,
        prior_for(kb, last.product, indication),
        observations(same_class, reports),
        product=product_name,
        indication=indication_name,
    )
    if result is None:
        return None
    return Planned(indication, last.product, product_class, last.given_on, result)


def _class_of(kb: KnowledgeBase, product_id: str) -> str:
    product = kb.products.get(product_id)
    return product.product_class if product is not None else ""
