"""SITE_INFECTION, HIGH_RISK_AREA."""

from __future__ import annotations

from .builders import assess, filler, found, glabellar, proposal, severities


def test_it_blocks_a_point_inside_an_infected_region() -> None:
    result = assess(proposal(glabellar(), infection_sites=["glabella"]))
    hits = found(result, "SITE_INFECTION")
    assert {f["severity"] for f in hits} == {"block"}
    assert "procerus" in {f["site"] for f in hits}


def test_it_blocks_a_point_at_an_infected_site() -> None:
    result = assess(proposal(filler(), infection_sites=["lip_upper"]))
    assert [(f["treatment"], f["site"]) for f in found(result, "SITE_INFECTION")] == [
        (0, "lip_upper")
    ]


def test_it_reports_each_infected_site_once() -> None:
    result = assess(proposal(glabellar(), infection_sites=["corrugator_l"]))
    assert [f["site"] for f in found(result, "SITE_INFECTION")] == ["corrugator_l"]


def test_it_allows_points_away_from_the_infection() -> None:
    result = assess(proposal(glabellar(), infection_sites=["lips", "chin"]))
    assert found(result, "SITE_INFECTION") == []


def test_it_informs_about_a_filler_in_a_danger_zone() -> None:
    result = assess(proposal(filler("restylane_l", "nasolabial_folds", "nose", 0.1)))
    hits = found(result, "HIGH_RISK_AREA")
    assert [(f["severity"], f["site"]) for f in hits] == [("info", "nose")]
    assert result["verdict"] != "block"


def test_it_does_not_flag_a_filler_outside_danger_zones() -> None:
    assert found(assess(proposal(filler())), "HIGH_RISK_AREA") == []


def test_it_does_not_flag_a_toxin_in_the_glabella_as_high_risk() -> None:
    assert found(assess(proposal(glabellar())), "HIGH_RISK_AREA") == []


def test_info_findings_alone_leave_the_verdict_ok() -> None:
    result = assess(proposal(filler("juvederm_voluma_xc", "temple_hollowing", "temple_l", 1.0)))
    assert severities(result, "HIGH_RISK_AREA") == {"info"}
    assert result["verdict"] == "ok"


def test_it_flags_a_filler_at_any_site_inside_a_danger_region() -> None:
    # frontalis_c is a muscle site, but it lies in the forehead, a vascular danger zone.
    result = assess(proposal(filler("restylane_l", "nasolabial_folds", "frontalis_c", 0.1)))
    assert [f["site"] for f in found(result, "HIGH_RISK_AREA")] == ["frontalis_c"]
    assert found(result, "HIGH_RISK_AREA")[0]["source"]
