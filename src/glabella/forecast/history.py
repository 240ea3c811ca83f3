"""A patient's own durations from their treatment dates and wear-off reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from glabella.forecast.model import Observation


@dataclass(frozen=True, slots=True)
class Report:
    """The patient said the treatment given ``treated_on`` wore off ``reported_on``."""

    treated_on: date
    reported_on: date


def observations(treated: Iterable[date], reports: Iterable[Report]) -> list[Observation]:
    """One duration per treatment cycle of one indication and product class, oldest first.

    A cycle with a wear-off report uses the reported duration (the latest report, if
    there are several). A cycle without one uses the interval to the next treatment.
    The last treatment's cycle is still running: it contributes only a report, never an
    interval. Reports dated on or before their treatment, or about a treatment not in
    ``treated``, are ignored. Several treatments on one day are one cycle.
    """
    dates = sorted(set(treated))
    reported: dict[date, Report] = {}
    for report in sorted(reports, key=lambda r: r.reported_on):
        if report.reported_on > report.treated_on:
            reported[report.treated_on] = report
    found: list[Observation] = []
    for index, given in enumerate(dates):
        if given in reported:
            found.append(Observation((reported[given].reported_on - given).days, "reported"))
        elif index + 1 < len(dates):
            found.append(Observation((dates[index + 1] - given).days, "interval"))
    return found
