"""Wear-off reports from clinicians: validation, treatment matching, effect on the forecast."""

from __future__ import annotations

from datetime import timedelta

import pytest

from glabella.errors import InvalidInput
from glabella.patients.models import Patient
from glabella.refresh.actions import record_wear_off
from glabella.refresh.models import CLINICIAN, PATIENT_LINK, RefreshForecast

from .conftest import days_ago, treat


def test_a_report_is_matched_to_the_last_treatment_before_it(patient: Patient) -> None:
    treat(patient, days_ago(300))
    treat(patient, days_ago(200))
    report = record_wear_off(patient, "glabellar_lines", reported_on=days_ago(60), source=CLINICIAN)
    assert report.treated_on == days_ago(200)
    assert report.days == 140


def test_a_report_moves_the_forecast_toward_it(patient: Patient) -> None:
    treat(patient, days_ago(200))
    before = RefreshForecast.objects.get(patient=patient).predicted_on
    record_wear_off(patient, "glabellar_lines", reported_on=days_ago(50), source=CLINICIAN)
    forecast = RefreshForecast.objects.get(patient=patient)
    # (2*105 + 150) / 3 = 120 days instead of 105
    assert forecast.predicted_on == days_ago(200) + timedelta(days=120)
    assert forecast.predicted_on > before
    assert forecast.basis == "blended"
    assert forecast.explanation.startswith("1 earlier glabellar lines treatment lasted 150 days")


def test_a_link_report_is_recorded_once_per_treatment(patient: Patient) -> None:
    treat(patient, days_ago(200))
    first = record_wear_off(
        patient, "glabellar_lines", reported_on=days_ago(1), source=PATIENT_LINK
    )
    again = record_wear_off(
        patient, "glabellar_lines", reported_on=days_ago(0), source=PATIENT_LINK
    )
    assert again.pk == first.pk
    assert again.reported_on == days_ago(1)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"reported_on": days_ago(-1)}, "reported_in_future"),
        ({"indication": "no_such_area"}, "unknown_indication"),
        ({"source": "fax"}, "unknown_source"),
        ({"treated_on": days_ago(5), "reported_on": days_ago(5)}, "reported_before_treatment"),
    ],
)
def test_a_bad_report_is_refused(patient: Patient, fields: dict[str, object], code: str) -> None:
    values: dict[str, object] = {
        "indication": "glabellar_lines",
        "reported_on": days_ago(1),
        "source": CLINICIAN,
        **fields,
    }
    indication = values.pop("indication")
    with pytest.raises(InvalidInput) as caught:
        record_wear_off(patient, indication, **values)  # type: ignore[arg-type]
    assert caught.value.code == code
