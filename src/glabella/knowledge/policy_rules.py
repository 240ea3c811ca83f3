"""The one comparison every clinic override goes through: stricter or rejected."""

from __future__ import annotations

from typing import Literal

from glabella.knowledge.errors import PolicyError
from glabella.knowledge.policy_schema import LocalValue
from glabella.knowledge.schema import Fact

Direction = Literal["max", "min"]  # "max": lower is stricter; "min": higher is stricter.
LABEL_FIELDS: dict[str, Direction] = {
    "total_dose": "max",
    "per_site_max": "max",
    "max_age": "max",
    "min_age": "min",
    "min_interval_days": "min",
}


def _stricter(direction: Direction, new: float, old: float) -> bool:
    return new <= old if direction == "max" else new >= old


def tighten(
    path: str, direction: Direction, old: Fact | None, local: LocalValue, clinic: str
) -> Fact | None:
    """The stricter fact, or PolicyError when ``local`` would loosen ``old``."""
    if local.value is None:
        if not local.enforce or old is None or old.value is None:
            return old
        return old.model_copy(update={"advisory": False})
    if (
        old is not None
        and old.value is not None
        and not _stricter(direction, local.value, old.value)
    ):
        bound = "above" if direction == "max" else "below"
        raise PolicyError(
            [
                f"{path}: {local.value:g} would loosen the rule ({bound} the shipped "
                f"{old.value:g}, {old.source}). A clinic policy may only make rules stricter."
            ]
        )
    label_part = f"; label: {old.source}" if old is not None and old.source else ""
    return Fact(
        value=local.value,
        source=f"Clinic policy ({clinic}){': ' + local.note if local.note else ''}{label_part}",
    )
