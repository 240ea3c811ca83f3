"""Properties over generated proposals built from knowledge-base ids (Hypothesis)."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glabella.knowledge import load_knowledge
from glabella.rules.engine import assess_json
from glabella.rules.severity import allowed

KB = load_knowledge()
PRODUCTS = sorted(KB.products)
INDICATIONS = sorted(KB.indications)
SITES = sorted(KB.sites)
RANK = {"ok": 0, "warn": 1, "block": 2}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31))
# Amounts in hundredths, so that splitting one into two parts is exact in decimal.
hundredths = st.integers(min_value=1, max_value=4000)


def amount_key(product: str) -> str:
    return "units" if KB.products[product].product_class == "toxin" else "volume_ml"


@st.composite
def treatments(draw: st.DrawFn) -> dict[str, Any]:
    product = draw(st.sampled_from(PRODUCTS))
    key = amount_key(product)
    pts = draw(st.lists(st.tuples(st.sampled_from(SITES), hundredths), min_size=1, max_size=8))
    treatment: dict[str, Any] = {
        "product": product,
        "indication": draw(st.sampled_from(INDICATIONS)),
        "points": [{"site": s, key: n / 100} for s, n in pts],
    }
    if draw(st.booleans()):
        treatment["lot"] = {
            "number": "L1",
            "expiry": draw(dates).isoformat(),
            "reconstituted_at": f"{draw(dates).isoformat()}T08:00:00",
        }
    return treatment


@st.composite
def history(draw: st.DrawFn) -> dict[str, Any]:
    product = draw(st.sampled_from(PRODUCTS))
    return {
        "date": draw(dates).isoformat(),
        "product": product,
        "indication": draw(st.sampled_from(INDICATIONS)),
        amount_key(product): draw(hundredths) / 10,
    }


@st.composite
def proposals(draw: st.DrawFn) -> dict[str, Any]:
    patient = {
        "birth_date": draw(
            st.dates(min_value=date(1920, 1, 1), max_value=date(2024, 1, 1))
        ).isoformat(),
        "pregnant": draw(st.booleans()),
        "breastfeeding": draw(st.booleans()),
        "weight_kg": draw(st.none() | st.floats(min_value=30, max_value=150)),
        "conditions": draw(
            st.lists(st.sampled_from(sorted(KB.conditions)), max_size=3, unique=True)
        ),
        "allergies": draw(st.lists(st.sampled_from(sorted(KB.allergies)), max_size=3, unique=True)),
        "medications": draw(
            st.lists(st.sampled_from(sorted(KB.medications)), max_size=3, unique=True)
        ),
        "infection_sites": draw(
            st.lists(st.sampled_from(sorted({*KB.regions, *KB.sites})), max_size=2)
        ),
        "skin_tests": [
            {"product": p, "date": draw(dates).isoformat(), "result": r}
            for p, r in draw(
                st.lists(
                    st.tuples(st.sampled_from(PRODUCTS), st.sampled_from(["negative", "positive"])),
                    max_size=2,
                )
            )
        ],
    }
    return {
        "at": "2026-11-28T10:00:00",
        "patient": patient,
        "history": draw(st.lists(history(), max_size=5)),
        "treatments": draw(st.lists(treatments(), min_size=1, max_size=4)),
    }


@FAST
@given(proposals())
def test_any_schema_accepted_proposal_is_assessed(data: dict[str, Any]) -> None:
    result = assess_json(data)
    assert result["verdict"] in RANK
    for finding in result["findings"]:
        assert finding["severity"] in allowed(finding["code"])
        assert finding["message"] and finding["source"]
    assert len(result["totals"]) == len({t["product"] for t in data["treatments"]})


@FAST
@given(proposals(), st.data())
def test_adding_a_contraindication_never_lowers_the_verdict(
    data: dict[str, Any], extra: st.DataObject
) -> None:
    before = assess_json(data)["verdict"]
    patient = data["patient"]
    change = extra.draw(
        st.sampled_from(
            ["pregnant", "breastfeeding", "condition", "allergy", "medication", "infection"]
        )
    )
    if change in ("pregnant", "breastfeeding"):
        patient[change] = True
    else:
        field, pool = {
            "condition": ("conditions", KB.conditions),
            "allergy": ("allergies", KB.allergies),
            "medication": ("medications", KB.medications),
            "infection": ("infection_sites", {**KB.regions, **KB.sites}),
        }[change]
        patient[field] = [*patient[field], extra.draw(st.sampled_from(sorted(pool)))]
    after = assess_json(data)["verdict"]
    assert RANK[after] >= RANK[before]


def totals(data: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(assess_json(data)["totals"], key=lambda t: t["product"])


@FAST
@given(proposals(), st.randoms(use_true_random=False))
def test_reordering_points_never_changes_totals(data: dict[str, Any], rnd: Any) -> None:
    before = totals(data)
    for treatment in data["treatments"]:
        rnd.shuffle(treatment["points"])
    rnd.shuffle(data["treatments"])
    assert totals(data) == before


@FAST
@given(proposals(), st.data())
def test_splitting_a_point_never_changes_totals(data: dict[str, Any], extra: st.DataObject) -> None:
    before = totals(data)
    treatment = extra.draw(st.sampled_from(data["treatments"]))
    index = extra.draw(st.integers(0, len(treatment["points"]) - 1))
    point = treatment["points"][index]
    key = "units" if "units" in point else "volume_ml"
    whole = round(point[key] * 100)
    if whole < 2:
        return
    part = extra.draw(st.integers(1, whole - 1))
    treatment["points"][index] = {**point, key: part / 100}
    treatment["points"].append({**point, key: (whole - part) / 100})
    assert totals(data) == before
