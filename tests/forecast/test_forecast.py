"""Forecast dates, basis and the one-line explanation."""

from __future__ import annotations

from datetime import date

from glabella.forecast import Observation, Prior, forecast

LAST = date(2025, 3, 1)
PRIOR = Prior(low=90, high=120, source="Drug guide 3-4 months")
NAMES = {"product": "BOTOX Cosmetic", "indication": "glabellar lines"}


def test_with_no_history_the_prior_applies() -> None:
    found = forecast(LAST, PRIOR, [], **NAMES)
    assert found is not None
    assert (found.predicted_on, found.low_on, found.high_on) == (
        date(2025, 6, 14),
        date(2025, 5, 30),
        date(2025, 6, 29),
    )
    assert (found.days, found.low_days, found.high_days) == (105, 90, 120)
    assert found.basis == "prior"
    assert found.observations == 0
    assert found.explanation == (
        "No earlier treatments: typical duration for BOTOX Cosmetic in glabellar lines is "
        "90\u2013120 days (Drug guide 3-4 months)."
    )


def test_with_observed_durations_the_forecast_moves_toward_them() -> None:
    seen = [Observation(d, "reported") for d in (140, 150, 145)]
    found = forecast(LAST, PRIOR, seen, **NAMES)
    assert found is not None
    # (2*105 + 435) / 5 = 129
    assert found.days == 129
    assert found.basis == "blended"
    assert found.explanation == (
        "3 earlier glabellar lines treatments lasted 140\u2013150 days; "
        "typical for BOTOX Cosmetic is 90\u2013120 days."
    )


def test_the_explanation_says_when_a_duration_is_judged_from_the_next_visit() -> None:
    found = forecast(LAST, PRIOR, [Observation(100, "interval")], **NAMES)
    assert found is not None
    assert found.explanation == (
        "1 earlier glabellar lines treatment lasted 100 days (1 judged from the time to the "
        "next treatment); typical for BOTOX Cosmetic is 90\u2013120 days."
    )


def test_an_unknown_typical_duration_leaves_only_the_patients_own_history() -> None:
    seen = [Observation(150, "reported"), Observation(160, "reported")]
    found = forecast(LAST, None, seen, product="Jeuveau", indication="glabellar lines")
    assert found is not None
    assert (found.days, found.low_days, found.high_days) == (155, 150, 160)
    assert found.basis == "patient"
    assert found.explanation.endswith("the reference gives no typical duration for Jeuveau.")


def test_an_unknown_typical_duration_and_no_history_give_no_forecast() -> None:
    assert forecast(LAST, None, [], product="Jeuveau", indication="glabellar lines") is None
