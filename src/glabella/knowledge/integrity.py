"""Cross-reference checks: every id a record mentions must exist in the knowledge base."""

from __future__ import annotations

from collections.abc import Iterable

from glabella.knowledge.kb import KnowledgeBase


def _missing(kind: str, owner: str, ids: Iterable[str], known: Iterable[str]) -> list[str]:
    known_set = set(known)
    return [f"{owner}: unknown {kind} {i!r}" for i in ids if i not in known_set]


def _product_problems(kb: KnowledgeBase) -> list[str]:
    problems: list[str] = []
    for p in kb.products.values():
        owner = f"product {p.id}"
        problems += _missing("ingredient", owner, p.ingredients, kb.ingredients)
        problems += _missing(
            "condition", owner, (c.condition for c in p.contraindicated_conditions), kb.conditions
        )
        problems += _missing("indication", owner, p.labels, kb.indications)
        for ind_id, label in p.labels.items():
            where = f"{owner} label {ind_id}"
            problems += _missing("template", where, label.templates, kb.templates)
            for group in label.site_group_limits:
                problems += _missing("site", where, group.sites, kb.sites)
            ind = kb.indications.get(ind_id)
            if ind is not None and ind.product_class != p.product_class:
                problems.append(f"{where}: a {p.product_class} cannot be labelled for {ind_id}")
        for combo in p.combined_limits:
            problems += _missing("indication", owner, combo.indications, kb.indications)
    return problems


def _anatomy_problems(kb: KnowledgeBase) -> list[str]:
    problems: list[str] = []
    for s in kb.sites.values():
        problems += _missing("region", f"site {s.id}", s.regions, kb.regions)
    for ind in kb.indications.values():
        problems += _missing("scale", f"indication {ind.id}", ind.scales, kb.scales)
        problems += _missing("site", f"indication {ind.id}", ind.sites, kb.sites)
    for sc in kb.scales.values():
        problems += _missing("indication", f"scale {sc.id}", sc.indications, kb.indications)
    for a in kb.allergies.values():
        problems += _missing("ingredient", f"allergy {a.id}", a.ingredients, kb.ingredients)
    for r in kb.regions.values():
        if not r.sites:
            problems.append(f"region {r.id}: no site belongs to it")
    return problems


def _template_problems(kb: KnowledgeBase) -> list[str]:
    problems: list[str] = []
    areas = set(kb.sites) | set(kb.regions)
    for t in kb.templates.values():
        owner = f"template {t.id}"
        problems += _missing("indication", owner, [t.indication], kb.indications)
        problems += _missing("product", owner, t.products, kb.products)
        problems += _missing("template", owner, t.requires, kb.templates)
        sites = [pt.site for pt in t.points] + list(t.menu)
        sites += [pt.site for v in t.variants for pt in v.points]
        sites += [s for o in t.options for s in o.sites] + [
            s for b in t.dose_bands for s in b.sites
        ]
        problems += _missing("site", owner, sites, kb.sites)
        for pid in t.products:
            product = kb.products.get(pid)
            if product and not t.off_label and t.indication not in product.labels:
                problems.append(f"{owner}: {pid} is not labelled for {t.indication}")
    for a in kb.aftercare.values():
        problems += _missing("area", f"aftercare {a.id}", a.areas, areas)
        problems += _missing("product", f"aftercare {a.id}", a.products, kb.products)
    return problems


def problems(kb: KnowledgeBase) -> list[str]:
    return _product_problems(kb) + _anatomy_problems(kb) + _template_problems(kb)
