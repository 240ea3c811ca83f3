"""Stored forecasts follow the patient's treatments and reports."""

from __future__ import annotations

from datetime import timedelta

from glabella.patients.models import Patient, PriorTreatment
from glabella.refresh.actions import recompute_forecasts
from glabella.refresh.models import RefreshForecast

from .conftest import days_ago, treat


def test_a_patient_with_no_treatments_has_no_forecast(patient: Patient) -> None:
    assert recompute_forecasts(patient) == []


def test_one_treatment_gets_the_typical_duration(patient: Patient) -> None:
    treat(patient, days_ago(10))
    [forecast] = RefreshForecast.objects.filter(patient=patient)
    assert forecast.predicted_on == days_ago(10) + timedelta(days=105)
    assert (forecast.low_on, forecast.high_on) == (days_ago(10 - 90), days_ago(10 - 120))
    assert forecast.basis == "prior"
    assert forecast.product_class == "toxin"
    assert forecast.explanation.startswith("No earlier treatments: typical duration for BOTOX")


def test_regular_visits_pull_the_forecast_toward_the_patients_rhythm(patient: Patient) -> None:
    for days in (420, 280, 140, 0):  # every 140 days
        treat(patient, days_ago(days))
    forecast = RefreshForecast.objects.get(patient=patient)
    # 3 intervals of 140 at weight 0.5 and the prior 105 at weight 2: 525 / 3.5 = 120
    assert forecast.predicted_on == days_ago(0) + timedelta(days=120)
    assert forecast.last_treated_on == days_ago(0)
    assert forecast.observations == 3
    assert forecast.explanation.startswith("3 earlier glabellar lines treatments lasted 140 days")


def test_each_indication_has_its_own_forecast(patient: Patient) -> None:
    treat(patient, days_ago(30))
    treat(patient, days_ago(20), "juvederm_volbella_xc", "lip_augmentation")
    found = {f.indication: f.product_class for f in RefreshForecast.objects.filter(patient=patient)}
    assert found == {"glabellar_lines": "toxin", "lip_augmentation": "filler"}


def test_no_typical_duration_and_no_history_stores_nothing(patient: Patient) -> None:
    treat(patient, days_ago(30), "jeuveau")
    assert not RefreshForecast.objects.filter(patient=patient).exists()


def test_no_typical_duration_uses_the_patients_own_intervals(patient: Patient) -> None:
    treat(patient, days_ago(150), "jeuveau")
    treat(patient, days_ago(0), "jeuveau")
    forecast = RefreshForecast.objects.get(patient=patient)
    assert forecast.basis == "patient"
    assert forecast.predicted_on == days_ago(0) + timedelta(days=150)


def test_removing_the_only_treatment_removes_the_forecast(patient: Patient) -> None:
    treat(patient, days_ago(10))
    PriorTreatment.objects.filter(patient=patient).delete()
    assert not RefreshForecast.objects.filter(patient=patient).exists()


def test_recomputing_replaces_the_row_in_place(patient: Patient) -> None:
    treat(patient, days_ago(10))
    first = RefreshForecast.objects.get(patient=patient)
    recompute_forecasts(patient)
    again = RefreshForecast.objects.get(patient=patient)
    assert again.pk == first.pk
    assert again.computed_at >= first.computed_at
