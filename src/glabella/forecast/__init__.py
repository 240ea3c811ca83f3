"""Refresh forecast: when will the effect of a patient's last treatment wear off?

Pure Python (no Django, no I/O), deterministic, and small enough to check by hand.

The model (a weighted average with a pseudo-count prior, see :mod:`.model`):

1. **Prior** — the knowledge base's typical duration for the product and indication
   (``ProductIndication.duration_days``, a ``DayRange``). Its midpoint is the prior mean;
   half its width is the prior spread (the range is read as mean ± 1 spread). When the
   reference gives no duration there is no prior; nothing is made up in its place.
2. **Observations** — this patient's own durations for the same indication and product
   class: reported wear-off (days from treatment to the reported date; weight 1) and,
   for treatments without a report, the interval to the next treatment (weight ½: people
   come back late for reasons of their own, so an interval is a weaker, upper-ish bound).
3. **Posterior** — ``mean = (K·prior_mean + Σ wᵢ·xᵢ) / (K + Σ wᵢ)`` with ``K = 2``: the
   prior counts as two reported durations. The spread pools the prior spread (K times)
   with the weighted scatter of the observations about the mean, so it narrows as
   agreeing observations accumulate and widens when they disagree. The forecast is
   ``last treatment + mean`` with the range ``± spread`` (never before the treatment).

``forecast()`` returns a :class:`Forecast` with the dates, the basis and a one-line
explanation, or None when there is neither a prior nor any observation.
"""

from glabella.forecast.forecast import Forecast, forecast
from glabella.forecast.history import Report, observations
from glabella.forecast.kb import prior_for
from glabella.forecast.model import (
    INTERVAL_WEIGHT,
    PRIOR_WEIGHT,
    REPORTED_WEIGHT,
    Estimate,
    Observation,
    Prior,
    estimate,
)

__all__ = [
    "INTERVAL_WEIGHT",
    "PRIOR_WEIGHT",
    "REPORTED_WEIGHT",
    "Estimate",
    "Forecast",
    "Observation",
    "Prior",
    "Report",
    "estimate",
    "forecast",
    "observations",
    "prior_for",
]
