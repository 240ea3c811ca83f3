"""Shape of a clinic's local policy file (YAML): stricter values only."""

from __future__ import annotations

from typing import Any

from glabella.knowledge.schema import Model, Severity


class LocalValue(Model):
    """A clinic's own number, or ``enforce: true`` to make an advisory label fact blocking.

    A plain number in the YAML is shorthand for ``{value: <number>}``.
    """

    value: float | None = None
    enforce: bool = False
    note: str | None = None


def _wrap_numbers(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: {"value": v} if isinstance(v, int | float) else v for k, v in data.items()}
    return data


class LocalLabel(Model):
    total_dose: LocalValue | None = None
    per_site_max: LocalValue | None = None
    min_interval_days: LocalValue | None = None
    min_age: LocalValue | None = None
    max_age: LocalValue | None = None


class LocalProduct(Model):
    in_use_hours: LocalValue | None = None
    session_max: LocalValue | None = None
    cumulative_amount: LocalValue | None = None
    cumulative_window_days: LocalValue | None = None
    session_volume_ml: LocalValue | None = None
    year_volume_ml: LocalValue | None = None
    skin_test_min_days: LocalValue | None = None
    labels: dict[str, LocalLabel] = {}


class ClinicPolicy(Model):
    clinic: str
    note: str | None = None
    severity_floors: dict[str, Severity] = {}
    products: dict[str, LocalProduct] = {}

    @classmethod
    def parse(cls, data: Any) -> ClinicPolicy:
        """Validate raw YAML content, accepting plain numbers for values."""
        if not isinstance(data, dict):
            raise ValueError("a clinic policy is a mapping")
        products = {
            pid: {
                **_wrap_numbers({k: v for k, v in (entry or {}).items() if k != "labels"}),
                "labels": {
                    ind: _wrap_numbers(values or {})
                    for ind, values in ((entry or {}).get("labels") or {}).items()
                },
            }
            for pid, entry in (data.get("products") or {}).items()
        }
        return cls.model_validate({**data, "products": products})
