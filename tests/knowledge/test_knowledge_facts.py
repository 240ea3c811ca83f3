"""Clinical facts the contract relies on are encoded, and every number carries a source."""

from typing import Any

from pydantic import BaseModel

from glabella.knowledge import load_knowledge
from glabella.knowledge.schema import Diagram


def unsourced_numbers(model: BaseModel, path: str, inherited: str | None) -> list[str]:
    """Numbers with no source on their own record or an enclosing one (layout excluded)."""
    if isinstance(model, Diagram):
        return []
    source = getattr(model, "source", None) or inherited
    found: list[str] = []
    for name in type(model).model_fields:
        found += _walk(getattr(model, name), f"{path}.{name}", source)
    return found


def _walk(value: Any, path: str, source: str | None) -> list[str]:
    if isinstance(value, BaseModel):
        return unsourced_numbers(value, path, source)
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _walk(v, f"{path}.{k}", source)]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in _walk(v, f"{path}[{i}]", source)]
    if isinstance(value, int | float) and not isinstance(value, bool) and not source:
        return [path]
    return []


def test_every_numeric_fact_has_a_source() -> None:
    kb = load_knowledge()
    kinds = ("products", "templates", "aftercare", "sequencing", "scales")
    found = [
        p
        for kind in kinds
        for rid, rec in getattr(kb, kind).items()
        for p in unsourced_numbers(rec, f"{kind}.{rid}", None)
    ]
    assert found == []


def test_onabotulinumtoxin_products_share_one_cumulative_limit() -> None:
    kb = load_knowledge()
    limits = {kb.products[p].cumulative_limit for p in ("botox", "botox_cosmetic")}
    assert len(limits) == 1
    (limit,) = limits
    assert limit is not None
    assert (limit.group, limit.amount, limit.window_days) == ("onabotulinumtoxinA", 400, 90)
    assert kb.products_of_substance("onabotulinumtoxinA") == {"botox", "botox_cosmetic"}


def test_bellafill_needs_a_skin_test_four_weeks_before() -> None:
    skin_test = load_knowledge().products["bellafill"].skin_test
    assert skin_test.required
    assert skin_test.min_days_before is not None and skin_test.min_days_before.value == 28


def test_labels_contraindicate_bleeding_for_radiesse_and_keloid_for_sculptra() -> None:
    kb = load_knowledge()
    radiesse = {c.condition: c for c in kb.products["radiesse"].contraindicated_conditions}
    sculptra = {c.condition: c for c in kb.products["sculptra"].contraindicated_conditions}
    assert not radiesse["bleeding_disorder"].advisory
    assert not sculptra["keloid_history"].advisory


def test_allergies_match_the_ingredients_named_in_the_contract() -> None:
    kb = load_knowledge()
    assert "cow_milk_protein" in kb.allergies_against("dysport")
    assert "human_albumin" in kb.allergies_against("botox_cosmetic")
    assert "lidocaine" in kb.allergies_against("juvederm_volbella_xc")
    assert "bovine_collagen" in kb.allergies_against("bellafill")
    assert "lidocaine" not in kb.allergies_against("radiesse")


def test_filler_volume_limits_are_encoded() -> None:
    kb = load_knowledge()
    volux = kb.products["juvederm_volux_xc"]
    assert volux.per_session_volume is not None and volux.per_session_volume.amount_ml == 9
    year = kb.products["juvederm_voluma_xc"].per_year_volume
    assert year is not None and (year.amount_ml, year.per_body_kg, year.group) == (
        20,
        60,
        "juvederm",
    )


def test_danger_zone_filler_areas_are_flagged() -> None:
    kb = load_knowledge()
    flagged = {s.id for s in kb.sites.values() if s.danger_zone}
    assert {"glabella_filler", "nose", "temple_l", "infraorbital_r"} <= flagged
    assert not kb.sites["lip_upper"].danger_zone


def test_unverified_values_are_advisory() -> None:
    kb = load_knowledge()
    assert kb.products["dysport"].in_use_hours is not None
    assert kb.products["dysport"].in_use_hours.advisory
    assert kb.products["daxxify"].in_use_hours is not None
    assert kb.products["daxxify"].in_use_hours.value is None
    assert kb.templates["platysma"].advisory


def test_snomed_codes_are_only_the_verified_ones() -> None:
    kb = load_knowledge()
    codes = {s.snomed for s in kb.sites.values()} | {r.snomed for r in kb.regions.values()}
    assert codes - {None} == {"52795006", "422543003"}


def test_every_site_has_a_diagram_position() -> None:
    kb = load_knowledge()
    assert all(0 <= s.diagram.x <= 1 and 0 <= s.diagram.y <= 1 for s in kb.sites.values())
