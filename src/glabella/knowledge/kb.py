"""The loaded, validated knowledge base and the look-ups the rule engine needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from glabella.knowledge.schema import (
    Aftercare,
    Allergy,
    Condition,
    CumulativeLimit,
    FindingCode,
    Indication,
    Ingredient,
    Medication,
    Product,
    ProductIndication,
    Region,
    Scale,
    Sequencing,
    Severity,
    Site,
    Template,
)


@dataclass(frozen=True)
class KnowledgeBase:
    version: str
    products: dict[str, Product]
    indications: dict[str, Indication]
    sites: dict[str, Site]
    regions: dict[str, Region]
    templates: dict[str, Template]
    aftercare: dict[str, Aftercare]
    sequencing: dict[str, Sequencing]
    scales: dict[str, Scale]
    conditions: dict[str, Condition]
    allergies: dict[str, Allergy]
    medications: dict[str, Medication]
    ingredients: dict[str, Ingredient]
    finding_codes: dict[str, FindingCode]
    severity_floors: dict[str, Severity] = field(default_factory=dict)
    policy_name: str | None = None

    def sites_in(self, region_or_site: str) -> frozenset[str]:
        """Site ids covered by a region id, or the site itself; empty when unknown."""
        if region_or_site in self.regions:
            return frozenset(self.regions[region_or_site].sites)
        if region_or_site in self.sites:
            return frozenset({region_or_site})
        return frozenset()

    def label(self, product: str, indication: str) -> ProductIndication | None:
        return self.products[product].labels.get(indication)

    def products_of_substance(self, substance: str) -> frozenset[str]:
        return frozenset(p.id for p in self.products.values() if p.substance == substance)

    def allergies_against(self, product: str) -> frozenset[str]:
        """Allergy ids that react with one of the product's ingredients."""
        ingredients = set(self.products[product].ingredients)
        return frozenset(a.id for a in self.allergies.values() if ingredients & set(a.ingredients))

    def group_limit(
        self, group: str, indication: str | None = None, population: str = "adult"
    ) -> CumulativeLimit | None:
        """The strictest cumulative limit of ``group`` (a policy may tighten one product)."""
        limits = [
            c
            for p in self.products.values()
            for c in p.cumulative_limits
            if c.group == group and c.indication == indication and c.population == population
        ]
        return min(limits, key=lambda c: (c.amount, -c.window_days), default=None)

    def aftercare_for(self, product: str, site: str | None = None) -> list[Aftercare]:
        """Aftercare entries for a product, most specific (area or product match) first."""
        p = self.products[product]
        regions = set(self.sites[site].regions) | {site} if site in self.sites else set()
        matches = [
            a
            for a in self.aftercare.values()
            if a.product_class == p.product_class
            and (not a.products or p.id in a.products)
            and (not a.areas or (site is not None and bool(regions & set(a.areas))))
        ]
        return sorted(matches, key=lambda a: (not a.areas, not a.products))
