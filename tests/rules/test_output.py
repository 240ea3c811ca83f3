"""Verdict, totals per product, finding fields and the per-line follow-up results."""

from __future__ import annotations

import pytest

from glabella.knowledge import load_knowledge
from glabella.rules.severity import SEVERITIES, allowed

from .builders import assess, blepharospasm, filler, glabellar, proposal


def test_a_clean_proposal_is_ok_with_no_findings() -> None:
    result = assess(proposal(glabellar()))
    assert result["verdict"] == "ok"
    assert result["findings"] == []
    assert result["knowledge_version"] == load_knowledge().version


def test_totals_are_per_product_in_their_own_unit() -> None:
    result = assess(proposal(glabellar(), filler(), glabellar("dysport", 10)))
    assert result["totals"] == [
        {"product": "botox_cosmetic", "units": 20.0},
        {"product": "juvederm_volbella_xc", "volume_ml": 0.5},
        {"product": "dysport", "units": 50.0},
    ]


def test_units_of_different_toxins_are_never_added() -> None:
    result = assess(
        proposal(glabellar("botox_cosmetic"), glabellar("xeomin"), glabellar("jeuveau"))
    )
    assert [t["units"] for t in result["totals"]] == [20.0, 20.0, 20.0]
    assert len(result["totals"]) == 3


def test_one_product_in_two_treatments_is_totalled_once() -> None:
    forehead = {
        "product": "botox_cosmetic",
        "indication": "forehead_lines",
        "points": [{"site": "frontalis_c", "units": 4}],
    }
    result = assess(proposal(glabellar(), forehead))
    assert result["totals"] == [{"product": "botox_cosmetic", "units": 24.0}]


def test_the_verdict_is_the_most_severe_finding() -> None:
    result = assess(proposal(glabellar(), filler(), medications=["aminoglycoside"], pregnant=True))
    assert result["verdict"] == "block"
    ranks = {"block": 3, "warn": 2, "info": 1}
    order = [ranks[f["severity"]] for f in result["findings"]]
    assert order == sorted(order, reverse=True)


def test_every_finding_has_a_message_and_a_source() -> None:
    result = assess(
        proposal(
            glabellar(units=6),
            filler("restylane_l", "nasolabial_folds", "nose", 0.1),
            pregnant=True,
            conditions=["myasthenia_gravis", "bleeding_disorder", "keloid_history"],
            allergies=["lidocaine"],
            medications=["aminoglycoside"],
            infection_sites=["glabella"],
        )
    )
    assert len(result["findings"]) >= 8
    for finding in result["findings"]:
        assert finding["message"].strip() and finding["source"].strip()
        assert finding["severity"] in allowed(finding["code"])


@pytest.mark.parametrize("code", sorted(SEVERITIES))
def test_every_contract_code_is_known_to_the_knowledge_base(code: str) -> None:
    assert code in load_knowledge().finding_codes


def test_a_line_gives_the_volume_to_draw_at_the_label_dilution() -> None:
    line = assess(proposal(glabellar()))["lines"][0]
    assert line["units"] == 20.0
    assert line["draw_ml"] == pytest.approx(0.5)  # 4 U per 0.1 mL


def test_a_chosen_dilution_sets_the_volume_to_draw() -> None:
    treatment = glabellar()
    treatment["dilution"] = {"vial_units": 100, "diluent_ml": 1.0}
    line = assess(proposal(treatment))["lines"][0]
    assert line["draw_ml"] == pytest.approx(0.2)
    assert line["dilution"] == {"vial_units": 100, "diluent_ml": 1.0}


def test_a_line_gives_retreatment_review_and_refresh_dates() -> None:
    line = assess(proposal(glabellar()))["lines"][0]
    assert line["earliest_retreatment"] == "2027-02-26"  # 90 days after 2026-11-28
    assert line["review"] == "2026-12-12"
    assert line["refresh"] == {"from": "2027-02-26", "to": "2027-03-28"}


def test_a_filler_line_has_no_volume_to_draw() -> None:
    line = assess(proposal(filler()))["lines"][0]
    assert line["volume_ml"] == 0.5
    assert line["draw_ml"] is None


def test_a_therapeutic_line_uses_the_indications_dilution() -> None:
    line = assess(proposal(blepharospasm()))["lines"][0]
    assert line["units"] == 5.0
