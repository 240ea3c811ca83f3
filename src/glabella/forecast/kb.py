"""The prior from the knowledge base: the product's typical duration for the indication."""

from __future__ import annotations

from glabella.forecast.model import Prior
from glabella.knowledge import KnowledgeBase
from glabella.knowledge.schema import DayRange


def prior_for(kb: KnowledgeBase, product_id: str, indication_id: str) -> Prior | None:
    """The prior, or None when the product, its label or the duration is unknown."""
    product = kb.products.get(product_id)
    label = None if product is None else product.labels.get(indication_id)
    duration = None if label is None else label.duration_days
    bounds = day_bounds(duration)
    if bounds is None or duration is None:
        return None
    return Prior(low=bounds[0], high=bounds[1], source=duration.source)


def names(kb: KnowledgeBase, product_id: str, indication_id: str) -> tuple[str, str]:
    """Display names for the explanation ("Botox Cosmetic", "glabellar lines")."""
    product = kb.products.get(product_id)
    indication = kb.indications.get(indication_id)
    product_name = product.name if product is not None else product_id
    if indication is None:
        return product_name, indication_id.replace("_", " ")
    return product_name, indication.name[:1].lower() + indication.name[1:]


def day_bounds(duration: DayRange | None) -> tuple[float, float] | None:
    """Low and high days; a one-sided range stands for both ends, as the rule engine reads it.

    (``glabella.rules.lines`` turns the same ``DayRange`` into the assessment's refresh
    window the same way, so the forecast with no history matches that window.)
    """
    if duration is None or (duration.low is None and duration.high is None):
        return None
    low = duration.low if duration.low is not None else duration.high
    high = duration.high if duration.high is not None else duration.low
    assert low is not None and high is not None  # one of them is set (checked above)
    if low <= 0:
        return None
    return low, high
