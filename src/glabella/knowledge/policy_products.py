"""Clinic overrides of product-wide facts: in-use time, session, cumulative and volume limits."""

from __future__ import annotations

from typing import Any, Literal

from glabella.knowledge.errors import PolicyError
from glabella.knowledge.policy_rules import Direction, tighten
from glabella.knowledge.policy_schema import LocalProduct, LocalValue
from glabella.knowledge.schema import CumulativeLimit, Fact, Product, VolumeLimit


def _tightened(
    path: str, direction: Direction, old: Fact | None, local: LocalValue, clinic: str
) -> Fact:
    new = tighten(path, direction, old, local, clinic)
    if new is None or new.value is None:
        raise PolicyError([f"{path}: nothing to enforce; give a value"])
    return new


def _cumulative(
    path: str, product: Product, local: LocalProduct, clinic: str
) -> tuple[CumulativeLimit, ...]:
    wanted: list[tuple[str, str, Direction, LocalValue | None]] = [
        ("cumulative_amount", "amount", "max", local.cumulative_amount),
        ("cumulative_window_days", "window_days", "min", local.cumulative_window_days),
    ]
    if all(value is None for *_, value in wanted):
        return product.cumulative_limits
    current = product.cumulative_limit
    if current is None:
        raise PolicyError(
            [f"{path}.cumulative_amount: {product.id} has no cumulative limit to tighten"]
        )
    update: dict[str, Any] = {}
    for key, attr, direction, value in wanted:
        if value is not None:
            old = Fact(
                value=getattr(current, attr), source=current.source, advisory=current.advisory
            )
            new = _tightened(f"{path}.{key}", direction, old, value, clinic)
            update[attr] = int(new.value or 0) if attr == "window_days" else new.value
            update |= {"source": new.source, "advisory": new.advisory}
    tightened = current.model_copy(update=update)
    return tuple(tightened if c is current else c for c in product.cumulative_limits)


def _volume(
    path: str,
    limits: list[VolumeLimit],
    scope: Literal["session", "year"],
    local: LocalValue,
    clinic: str,
) -> None:
    index = next((i for i, v in enumerate(limits) if v.scope == scope), None)
    old = limits[index] if index is not None else None
    old_fact = Fact(value=old.amount_ml, source=old.source, advisory=old.advisory) if old else None
    new = _tightened(path, "max", old_fact, local, clinic)
    amount = new.value or 0.0
    if old is not None and index is not None:
        limits[index] = old.model_copy(
            update={"amount_ml": amount, "source": new.source, "advisory": new.advisory}
        )
    else:
        window = 365 if scope == "year" else None
        limits.append(
            VolumeLimit(scope=scope, amount_ml=amount, window_days=window, source=new.source or "")
        )


def _volumes(
    path: str, product: Product, local: LocalProduct, clinic: str
) -> tuple[VolumeLimit, ...]:
    limits = list(product.volume_limits)
    if local.session_volume_ml is not None:
        _volume(f"{path}.session_volume_ml", limits, "session", local.session_volume_ml, clinic)
    if local.year_volume_ml is not None:
        _volume(f"{path}.year_volume_ml", limits, "year", local.year_volume_ml, clinic)
    return tuple(limits)


def _optional(path: str, old: Fact | None, local: LocalValue | None, clinic: str) -> Fact | None:
    return old if local is None else tighten(path, "max", old, local, clinic)


def apply_product(path: str, product: Product, local: LocalProduct, clinic: str) -> Product:
    skin_test = product.skin_test
    if local.skin_test_min_days is not None:
        days = _tightened(
            f"{path}.skin_test_min_days",
            "min",
            skin_test.min_days_before,
            local.skin_test_min_days,
            clinic,
        )
        skin_test = skin_test.model_copy(update={"min_days_before": days, "required": True})
    return product.model_copy(
        update={
            "in_use_hours": _optional(
                f"{path}.in_use_hours", product.in_use_hours, local.in_use_hours, clinic
            ),
            "session_max": _optional(
                f"{path}.session_max", product.session_max, local.session_max, clinic
            ),
            "cumulative_limits": _cumulative(path, product, local, clinic),
            "volume_limits": _volumes(path, product, local, clinic),
            "skin_test": skin_test,
        }
    )
