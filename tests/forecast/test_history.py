"""A patient's durations from treatment dates and wear-off reports."""

from __future__ import annotations

from datetime import date

from glabella.forecast import Observation, Report, observations

JAN, MAY, SEP = date(2025, 1, 10), date(2025, 5, 10), date(2025, 9, 10)


def test_a_single_treatment_gives_no_duration_yet() -> None:
    assert observations([JAN], []) == []


def test_consecutive_treatments_give_intervals_but_the_last_cycle_is_still_running() -> None:
    assert observations([SEP, JAN, MAY], []) == [
        Observation(120, "interval"),
        Observation(123, "interval"),
    ]


def test_a_report_replaces_the_interval_of_its_cycle() -> None:
    found = observations([JAN, MAY], [Report(JAN, date(2025, 4, 20))])
    assert found == [Observation(100, "reported")]


def test_a_report_on_the_running_cycle_counts() -> None:
    found = observations([JAN, MAY], [Report(MAY, date(2025, 8, 18))])
    assert found == [Observation(120, "interval"), Observation(100, "reported")]


def test_the_latest_of_several_reports_on_one_cycle_wins() -> None:
    reports = [Report(JAN, date(2025, 4, 30)), Report(JAN, date(2025, 4, 20))]
    assert observations([JAN], reports) == [Observation(110, "reported")]


def test_reports_before_their_treatment_or_about_unknown_treatments_are_ignored() -> None:
    reports = [Report(JAN, JAN), Report(date(2024, 1, 1), date(2024, 4, 1))]
    assert observations([JAN], reports) == []


def test_treatments_on_the_same_day_are_one_cycle() -> None:
    assert observations([JAN, JAN, MAY], []) == [Observation(120, "interval")]
