"""The forecast for one patient and indication: dates, range, basis and explanation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from glabella.forecast.model import Estimate, Observation, Prior, estimate, whole_days

Basis = Literal["prior", "patient", "blended"]


@dataclass(frozen=True, slots=True)
class Forecast:
    """When the last treatment should wear off; ``low_on <= predicted_on <= high_on``."""

    predicted_on: date
    low_on: date
    high_on: date
    days: int
    low_days: int
    high_days: int
    basis: Basis
    observations: int
    explanation: str


def forecast(
    last_treated_on: date,
    prior: Prior | None,
    seen: Sequence[Observation],
    *,
    product: str,
    indication: str,
) -> Forecast | None:
    """The forecast from the last treatment date, or None with nothing to go on.

    ``product`` and ``indication`` are display names for the explanation.
    """
    found = estimate(prior, seen)
    if found is None:
        return None
    days, low, high = _days(found)
    return Forecast(
        predicted_on=last_treated_on + timedelta(days=days),
        low_on=last_treated_on + timedelta(days=low),
        high_on=last_treated_on + timedelta(days=high),
        days=days,
        low_days=low,
        high_days=high,
        basis=_basis(prior, seen),
        observations=len(seen),
        explanation=explain(prior, seen, product=product, indication=indication),
    )


def _days(found: Estimate) -> tuple[int, int, int]:
    # Rounding half up is monotone, so the rounded range still holds the rounded mean.
    return whole_days(found.mean), whole_days(found.low), whole_days(found.high)


def _basis(prior: Prior | None, seen: Sequence[Observation]) -> Basis:
    if not seen:
        return "prior"
    return "patient" if prior is None else "blended"


def explain(
    prior: Prior | None, seen: Sequence[Observation], *, product: str, indication: str
) -> str:
    """One line: what the patient's history shows, then what the reference says."""
    if not seen:
        assert prior is not None  # estimate() gave None otherwise
        return (
            f"No earlier treatments: typical duration for {product} in {indication} is "
            f"{span(prior.low, prior.high)} days{_cited(prior)}."
        )
    days = [o.days for o in seen]
    noun = "treatment" if len(seen) == 1 else "treatments"
    verb = "lasted"
    history = f"{len(seen)} earlier {indication} {noun} {verb} {span(min(days), max(days))} days"
    intervals = sum(1 for o in seen if o.kind == "interval")
    if intervals:
        history += f" ({intervals} judged from the time to the next treatment)"
    if prior is None:
        return f"{history}; the reference gives no typical duration for {product}."
    return f"{history}; typical for {product} is {span(prior.low, prior.high)} days."


def span(low: float, high: float) -> str:
    """``95-110`` (with an en dash) or ``120`` when both ends are the same."""
    first, last = whole_days(low), whole_days(high)
    return f"{first}" if first == last else f"{first}\u2013{last}"


def _cited(prior: Prior) -> str:
    return f" ({prior.source})" if prior.source else ""
