"""The arithmetic of the estimate, pinned to hand-computed numbers."""

from __future__ import annotations

import math

import pytest

from glabella.forecast import (
    INTERVAL_WEIGHT,
    PRIOR_WEIGHT,
    REPORTED_WEIGHT,
    Observation,
    Prior,
    estimate,
)
from glabella.forecast.model import whole_days

BOTOX_GLABELLAR = Prior(low=90, high=120, source="test")


def test_the_weights_are_the_documented_constants() -> None:
    assert (PRIOR_WEIGHT, REPORTED_WEIGHT, INTERVAL_WEIGHT) == (2.0, 1.0, 0.5)


def test_a_prior_reads_its_range_as_mean_plus_or_minus_one_spread() -> None:
    assert (BOTOX_GLABELLAR.mean, BOTOX_GLABELLAR.spread) == (105, 15)


def test_with_no_observations_the_prior_applies() -> None:
    found = estimate(BOTOX_GLABELLAR, [])
    assert found is not None
    assert (found.mean, found.spread, found.low, found.high) == (105, 15, 90, 120)


def test_two_reports_and_an_interval_blend_with_the_prior() -> None:
    seen = [
        Observation(100, "reported"),
        Observation(110, "reported"),
        Observation(130, "interval"),
    ]
    found = estimate(BOTOX_GLABELLAR, seen)
    assert found is not None
    # (2*105 + 100 + 110 + 0.5*130) / (2 + 1 + 1 + 0.5) = 485 / 4.5
    assert found.mean == pytest.approx(107.7777778)
    scatter = (100 - 485 / 4.5) ** 2 + (110 - 485 / 4.5) ** 2 + 0.5 * (130 - 485 / 4.5) ** 2
    assert found.spread == pytest.approx(math.sqrt((2 * 15**2 + scatter) / 4.5))
    assert found.spread == pytest.approx(13.01577)


def test_agreeing_reports_narrow_the_range() -> None:
    found = estimate(BOTOX_GLABELLAR, [Observation(105, "reported")] * 2)
    assert found is not None
    # (2*225 + 0) / 4 = 112.5
    assert (found.mean, found.spread) == (105, pytest.approx(math.sqrt(112.5)))


def test_without_a_prior_only_the_patients_durations_count() -> None:
    found = estimate(None, [Observation(90, "reported"), Observation(110, "reported")])
    assert found is not None
    assert (found.mean, found.spread) == (100, 10)


def test_an_interval_counts_half_a_report() -> None:
    found = estimate(None, [Observation(100, "reported"), Observation(160, "interval")])
    assert found is not None
    assert found.mean == pytest.approx((100 + 0.5 * 160) / 1.5)


def test_with_nothing_to_go_on_there_is_no_estimate() -> None:
    assert estimate(None, []) is None


def test_the_low_end_never_goes_below_the_treatment_day() -> None:
    found = estimate(None, [Observation(d, "reported") for d in (1, 1, 400)])
    assert found is not None
    assert found.low == 0


@pytest.mark.parametrize(("days", "rounded"), [(100.5, 101), (101.5, 102), (99.49, 99)])
def test_whole_days_round_half_up(days: float, rounded: int) -> None:
    assert whole_days(days) == rounded


def test_a_prior_must_be_an_ordered_positive_range() -> None:
    with pytest.raises(ValueError, match="low"):
        Prior(low=120, high=90)


def test_an_observation_is_at_least_a_day() -> None:
    with pytest.raises(ValueError, match="one day"):
        Observation(0, "reported")
