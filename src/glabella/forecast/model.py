"""The arithmetic: a prior from a typical range, shrunk toward the patient's durations.

All numbers are days. The three constants below are modelling choices, not clinical
facts; tests pin them, and changing one changes every forecast.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

# The prior counts as this many reported durations: one or two of the patient's own
# observations move the forecast, but not all the way.
PRIOR_WEIGHT = 2.0
# A reported wear-off date measures the duration directly.
REPORTED_WEIGHT = 1.0
# An interval between two treatments bounds the duration from above only loosely (the
# patient may have waited past the wear-off), so it counts half.
INTERVAL_WEIGHT = 0.5

Kind = Literal["reported", "interval"]
WEIGHTS: dict[Kind, float] = {"reported": REPORTED_WEIGHT, "interval": INTERVAL_WEIGHT}


@dataclass(frozen=True, slots=True)
class Prior:
    """A typical duration in days: ``low`` to ``high`` read as mean ± 1 spread."""

    low: float
    high: float
    source: str | None = None

    def __post_init__(self) -> None:
        if not 0 < self.low <= self.high:
            raise ValueError("a prior needs 0 < low <= high")

    @property
    def mean(self) -> float:
        return (self.low + self.high) / 2

    @property
    def spread(self) -> float:
        return (self.high - self.low) / 2


@dataclass(frozen=True, slots=True)
class Observation:
    """One of this patient's durations: reported wear-off, or an interval between visits."""

    days: int
    kind: Kind

    def __post_init__(self) -> None:
        if self.days <= 0:
            raise ValueError("a duration must be at least one day")

    @property
    def weight(self) -> float:
        return WEIGHTS[self.kind]


@dataclass(frozen=True, slots=True)
class Estimate:
    """Posterior mean and spread in days; ``low``/``high`` never go below zero."""

    mean: float
    spread: float

    @property
    def low(self) -> float:
        return max(self.mean - self.spread, 0.0)

    @property
    def high(self) -> float:
        return self.mean + self.spread


def estimate(prior: Prior | None, seen: Sequence[Observation]) -> Estimate | None:
    """Weighted mean of the prior (weight K) and the observations; pooled spread.

    ``mean = (K·m₀ + Σ wᵢxᵢ) / (K + W)`` and
    ``spread = √((K·s₀² + Σ wᵢ(xᵢ - mean)²) / (K + W))``, with ``W = Σ wᵢ``. Without a
    prior, K is 0: the patient's own weighted mean and scatter. None when there is
    nothing at all to go on.
    """
    k = PRIOR_WEIGHT if prior is not None else 0.0
    total = k + sum(o.weight for o in seen)
    if total == 0:
        return None
    prior_mean = prior.mean if prior is not None else 0.0
    mean = (k * prior_mean + sum(o.weight * o.days for o in seen)) / total
    prior_spread = prior.spread if prior is not None else 0.0
    scatter = sum(o.weight * (o.days - mean) ** 2 for o in seen)
    return Estimate(mean=mean, spread=math.sqrt((k * prior_spread**2 + scatter) / total))


def whole_days(days: float) -> int:
    """Round half up (``round`` would send 100.5 to 100 and 101.5 to 102)."""
    return math.floor(days + 0.5)
