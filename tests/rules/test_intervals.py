"""RETREATMENT_INTERVAL, CUMULATIVE_DOSE."""

from __future__ import annotations

from .builders import assess, found, glabellar, proposal, severities, years_ago


def gl_history(product: str, date: str, units: float = 20) -> dict:
    return {"date": date, "product": product, "indication": "glabellar_lines", "units": units}


def test_it_warns_when_the_same_substance_is_repeated_too_soon() -> None:
    # botox and botox_cosmetic are both onabotulinumtoxinA.
    result = assess(proposal(glabellar(), history=[gl_history("botox", "2026-10-15")]))
    hits = found(result, "RETREATMENT_INTERVAL")
    assert [(f["severity"], f["treatment"]) for f in hits] == [("warn", 0)]


def test_it_accepts_a_repeat_after_the_labelled_interval() -> None:
    result = assess(proposal(glabellar(), history=[gl_history("botox_cosmetic", "2026-08-01")]))
    assert found(result, "RETREATMENT_INTERVAL") == []


def test_it_does_not_compare_different_toxin_substances() -> None:
    result = assess(proposal(glabellar(), history=[gl_history("dysport", "2026-11-01", 50)]))
    assert found(result, "RETREATMENT_INTERVAL") == []


def test_it_does_not_compare_different_indications() -> None:
    history = [
        {"date": "2026-11-01", "product": "botox", "indication": "blepharospasm", "units": 10}
    ]
    result = assess(proposal(glabellar(), history=history))
    assert found(result, "RETREATMENT_INTERVAL") == []


def test_it_ignores_history_dated_after_the_proposal() -> None:
    result = assess(proposal(glabellar(), history=[gl_history("botox", "2026-12-15")]))
    assert found(result, "RETREATMENT_INTERVAL") == []


def migraine(units_each: float = 5, sites: int = 31) -> dict:
    names = ["temporalis_l", "temporalis_r", "occipitalis_l", "occipitalis_r", "trapezius_l"]
    return {
        "product": "botox",
        "indication": "chronic_migraine",
        "points": [{"site": names[i % len(names)], "units": units_each} for i in range(sites)],
    }


def dystonia_history(date: str, units: float) -> dict:
    return {"date": date, "product": "botox", "indication": "cervical_dystonia", "units": units}


def test_it_blocks_onabotulinumtoxina_above_400_units_in_three_months() -> None:
    result = assess(proposal(migraine(), history=[dystonia_history("2026-10-01", 300)]))
    hits = found(result, "CUMULATIVE_DOSE")
    assert [(f["severity"], f["treatment"]) for f in hits] == [("block", 0)]
    assert result["verdict"] == "block"


def test_it_counts_botox_and_botox_cosmetic_together() -> None:
    result = assess(proposal(glabellar(), history=[dystonia_history("2026-10-01", 390)]))
    assert severities(result, "CUMULATIVE_DOSE") == {"block"}


def test_it_allows_exactly_400_units() -> None:
    result = assess(proposal(glabellar(), history=[dystonia_history("2026-10-01", 380)]))
    assert found(result, "CUMULATIVE_DOSE") == []


def test_it_forgets_doses_older_than_the_window() -> None:
    result = assess(proposal(migraine(), history=[dystonia_history("2026-07-01", 300)]))
    assert found(result, "CUMULATIVE_DOSE") == []


def test_it_never_adds_another_toxin_to_the_onabotulinumtoxina_total() -> None:
    history = [
        {
            "date": "2026-10-01",
            "product": "dysport",
            "indication": "cervical_dystonia",
            "units": 500,
        }
    ]
    result = assess(proposal(glabellar(), history=history))
    assert found(result, "CUMULATIVE_DOSE") == []


def test_an_advisory_pediatric_limit_only_warns() -> None:
    # The 340 U pediatric cap is a weak (payer) source, so it may warn but never block.
    dystonia = {
        "product": "botox",
        "indication": "cervical_dystonia",
        "points": [{"site": "splenius_capitis_l", "units": 50}] * 4,
    }
    history = [dystonia_history("2026-10-01", 150)]
    result = assess(proposal(dystonia, history=history, birth_date=years_ago(16)))
    assert severities(result, "CUMULATIVE_DOSE") == {"warn"}
