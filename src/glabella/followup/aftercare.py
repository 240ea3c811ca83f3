"""Aftercare for exactly what was done in a session, from the knowledge base.

A session's lines are grouped by product class and treated area; each group gets the
knowledge base's aftercare entries for that product and those areas (the general entry
and any area- or product-specific one), with the warning signs that mean "call the
clinic" (vascular occlusion after filler, spread of toxin effect after toxin). When toxin
and filler were both given, the sequencing advice is added.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from glabella.knowledge import KnowledgeBase, load_knowledge
from glabella.knowledge.schema import Aftercare, Sequencing, WarningSign

T = TypeVar("T")
CLASS_ORDER = ("toxin", "filler")
CLASS_TITLES = {"toxin": "Botulinum toxin", "filler": "Dermal filler"}


@dataclass(frozen=True)
class TreatedLine:
    """What was given on one line: a product id and the site ids injected."""

    product: str
    indication: str
    sites: tuple[str, ...]


@dataclass
class Group:
    product_class: str
    products: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    entries: list[Aftercare] = field(default_factory=list)

    @property
    def title(self) -> str:
        return CLASS_TITLES.get(self.product_class, self.product_class)


@dataclass
class Sheet:
    """Everything the patient needs after the session, ready for a template."""

    groups: list[Group]
    warning_signs: list[WarningSign]
    sequencing: list[Sequencing]
    review_on: date | None = None

    @property
    def classes(self) -> set[str]:
        return {group.product_class for group in self.groups}


def build_sheet(
    lines: Iterable[TreatedLine], review_on: date | None = None, kb: KnowledgeBase | None = None
) -> Sheet:
    kb = kb or load_knowledge()
    groups: dict[str, Group] = {}
    for line in lines:
        product = kb.products[line.product]
        group = groups.setdefault(product.product_class, Group(product.product_class))
        add_unique(group.products, [product.name])
        add_unique(group.areas, [site_name(kb, site) for site in line.sites])
        add_unique(group.entries, entries_for(kb, line))
    ordered = [groups[c] for c in CLASS_ORDER if c in groups]
    signs: list[WarningSign] = []
    for group in ordered:
        add_unique(signs, [sign for entry in group.entries for sign in entry.warning_signs])
    both = len(ordered) > 1
    sequencing = list(kb.sequencing.values()) if both else []
    return Sheet(ordered, signs, sequencing, review_on)


def entries_for(kb: KnowledgeBase, line: TreatedLine) -> list[Aftercare]:
    """General entry first, then the area- or product-specific ones, without repeats."""
    found: list[Aftercare] = []
    for site in line.sites or (None,):
        add_unique(found, kb.aftercare_for(line.product, site))
    return sorted(found, key=lambda a: (bool(a.areas) or bool(a.products), a.id))


def site_name(kb: KnowledgeBase, site: str) -> str:
    return kb.sites[site].name if site in kb.sites else site


def add_unique(items: list[T], new: Iterable[T]) -> None:
    for item in new:
        if item not in items:
            items.append(item)
