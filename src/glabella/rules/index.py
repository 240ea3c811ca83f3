"""Look-ups precomputed once per knowledge base so each check is a dict or set probe.

Building an index walks the whole knowledge base (milliseconds); assessing with it then
costs microseconds. Indexes are cached per knowledge-base object.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from threading import Lock
from typing import Any

from glabella.knowledge import KnowledgeBase
from glabella.knowledge.schema import Fact, Indication, Product, Site


@dataclass(frozen=True, slots=True)
class RuleIndex:
    kb: KnowledgeBase
    version: str
    products: dict[str, Product]
    indications: dict[str, Indication]
    sites: dict[str, Site]
    # Site ids covered by each region or site id (the ids infection_sites may name).
    coverage: dict[str, frozenset[str]]
    # Allergy ids that react with each product (through its ingredients).
    allergens: dict[str, frozenset[str]]
    # Products that share a substance, a cumulative-limit group or a volume-limit group.
    substance_members: dict[str, frozenset[str]]
    group_members: dict[str, frozenset[str]]
    # Sites in a vascular danger zone (flagged, or inside a flagged region) and the source.
    danger_sites: dict[str, str | None]
    floors: dict[str, str]
    conditions: frozenset[str]
    allergies: frozenset[str]
    medications: frozenset[str]
    # Review delay from the product's aftercare, used when the label gives none.
    aftercare_review: dict[str, Fact]
    # Per (product, indication) facts for the line results, filled lazily by rules.lines.
    line_facts: dict[tuple[str, str], Any]


_cache: dict[int, RuleIndex] = {}
_lock = Lock()


def index_for(kb: KnowledgeBase) -> RuleIndex:
    """The cached index of ``kb`` (built on first use)."""
    found = _cache.get(id(kb))
    if found is not None and found.kb is kb:
        return found
    with _lock:
        built = _build(kb)
        if len(_cache) > 16:  # a handful of clinic policies at most; never grow unbounded
            _cache.clear()
        _cache[id(kb)] = built
        return built


def _build(kb: KnowledgeBase) -> RuleIndex:
    coverage = {rid: kb.sites_in(rid) for rid in (*kb.regions, *kb.sites)}
    return RuleIndex(
        kb=kb,
        version=kb.version,
        products=kb.products,
        indications=kb.indications,
        sites=kb.sites,
        coverage=coverage,
        allergens={pid: kb.allergies_against(pid) for pid in kb.products},
        substance_members=_substances(kb),
        group_members=_groups(kb),
        danger_sites=_danger_sites(kb),
        floors=dict(kb.severity_floors),
        conditions=frozenset(kb.conditions),
        allergies=frozenset(kb.allergies),
        medications=frozenset(kb.medications),
        aftercare_review=_aftercare_reviews(kb),
        line_facts={},
    )


def _substances(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for product in kb.products.values():
        members[product.substance].add(product.id)
    return {key: frozenset(value) for key, value in members.items()}


def _groups(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """A limit's group covers every product naming that group, or having it as substance."""
    members: dict[str, set[str]] = defaultdict(set)
    for product in kb.products.values():
        for limit in product.cumulative_limits:
            members[limit.group].add(product.id)
        for volume in product.volume_limits:
            if volume.group:
                members[volume.group].add(product.id)
    for product in kb.products.values():
        if product.substance in members:
            members[product.substance].add(product.id)
    return {key: frozenset(value) for key, value in members.items()}


def _aftercare_reviews(kb: KnowledgeBase) -> dict[str, Fact]:
    reviews: dict[str, Fact] = {}
    for pid in kb.products:
        for entry in kb.aftercare_for(pid):
            fact = entry.review_after_days
            if fact is not None and fact.value is not None:
                reviews[pid] = fact
                break
    return reviews


def _danger_sites(kb: KnowledgeBase) -> dict[str, str | None]:
    flagged_regions = {r.id for r in kb.regions.values() if r.danger_zone}
    # A region's source is that of any flagged site in it (regions carry no source).
    region_source = {
        region: site.danger_source
        for site in kb.sites.values()
        if site.danger_zone and site.danger_source
        for region in site.regions
    }
    danger: dict[str, str | None] = {}
    for site in kb.sites.values():
        regions = [r for r in site.regions if r in flagged_regions]
        if site.danger_zone or regions:
            fallback = next((region_source[r] for r in regions if r in region_source), None)
            danger[site.id] = site.danger_source or fallback
    return danger
