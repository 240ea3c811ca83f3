"""``{% patient_forecasts patient as forecasts %}`` for the patient page's forecasts section."""

from __future__ import annotations

from django import template

from glabella.patients.models import Patient
from glabella.refresh import queries
from glabella.refresh.models import RefreshForecast

register = template.Library()


@register.simple_tag
def patient_forecasts(patient: Patient) -> list[RefreshForecast]:
    return list(queries.forecasts_of(patient))
