"""The identifiers a medical profile and a prior treatment may use, from the knowledge base.

The rule engine reads profiles in the contract's vocabulary, so the only source of
allowed ids is the knowledge base it loads; there is no second list here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


class VocabularyUnavailable(RuntimeError):
    """The knowledge base could not be loaded, so identifiers cannot be checked."""


@lru_cache(maxsize=1)
def _knowledge() -> Any:
    try:
        from glabella.knowledge import load_knowledge
    except ImportError as error:  # pragma: no cover - only before the knowledge app exists
        raise VocabularyUnavailable(
            "glabella.knowledge.load_knowledge is missing: patient identifiers cannot be checked"
        ) from error
    return load_knowledge()


def _labels(table: Any) -> dict[str, str]:
    """Id → human label for a knowledge-base table (dict of id → record)."""
    return {key: _label_of(key, value) for key, value in sorted(table.items())}


def _label_of(key: str, value: Any) -> str:
    for attribute in ("label", "name", "title"):
        label = getattr(value, attribute, None)
        if label is None and isinstance(value, dict):
            label = value.get(attribute)
        if isinstance(label, str) and label:
            return label
    return key.replace("_", " ")


def conditions() -> dict[str, str]:
    return _labels(_knowledge().conditions)


def allergies() -> dict[str, str]:
    return _labels(_knowledge().allergies)


def medications() -> dict[str, str]:
    return _labels(_knowledge().medications)


def infection_targets() -> dict[str, str]:
    """Regions and sites: an infection may be recorded at either."""
    kb = _knowledge()
    return {**_labels(kb.regions), **_labels(kb.sites)}


def products() -> dict[str, str]:
    return _labels(_knowledge().products)


def indications() -> dict[str, str]:
    return _labels(_knowledge().indications)


def product_kind(product_id: str) -> str | None:
    """``"toxin"`` or ``"filler"`` for a known product, else None."""
    product = _knowledge().products.get(product_id)
    return None if product is None else str(product.product_class)
