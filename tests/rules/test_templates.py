"""Every labelled template assesses as ok for an eligible adult."""

from __future__ import annotations

from typing import Any

import pytest

from glabella.knowledge import load_knowledge
from glabella.knowledge.schema import Template, TemplatePoint

from .builders import assess, proposal

KB = load_knowledge()


FILLER_ML = 0.5  # filler templates leave the volume to the injector; a modest one per point


def points(template_points: tuple[TemplatePoint, ...]) -> list[dict[str, Any]]:
    out = []
    for p in template_points:
        if p.units is not None:
            out.append({"site": p.site, "units": p.units})
        else:
            out.append({"site": p.site, "volume_ml": p.volume_ml or FILLER_ML})
    return out


def eligible_adult(products: set[str]) -> dict[str, Any]:
    """A 40-year-old with no history and, where a product needs one, a negative skin test."""
    tests = [
        {"product": p, "date": "2026-09-01", "result": "negative"}
        for p in sorted(products)
        if KB.products[p].skin_test.required
    ]
    return {"weight_kg": 70, "skin_tests": tests}


def layouts(template: Template) -> list[tuple[str, tuple[TemplatePoint, ...]]]:
    found = [("points", template.points)] if template.points else []
    found += [(v.id, v.points) for v in template.variants]
    return found


CASES = [
    pytest.param(t, product, name, layout, id=f"{t.id}-{product}-{name}")
    for t in KB.templates.values()
    for product in t.products
    for name, layout in layouts(t)
    if not t.off_label and t.indication in KB.products[product].labels
]


@pytest.mark.parametrize(("template", "product", "name", "layout"), CASES)
def test_a_labelled_template_is_ok_for_an_eligible_adult(
    template: Template, product: str, name: str, layout: tuple[TemplatePoint, ...]
) -> None:
    treatments = [{"product": product, "indication": template.indication, "points": points(layout)}]
    for required in template.requires:
        companion = KB.templates[required]
        treatments.append(
            {
                "product": product,
                "indication": companion.indication,
                "points": points(companion.points),
            }
        )
    result = assess(proposal(*treatments, **eligible_adult({product})))
    assert result["verdict"] == "ok", result["findings"]


def test_there_are_templates_to_check() -> None:
    assert CASES
