"""Keep forecasts current when an earlier treatment is recorded, edited or removed.

Prior treatments are written by the patients app; rather than make it call this app,
the refresh app listens. Bulk loads (``bulk_create``) send no signal: run
``glabella forecast recompute`` after them.
"""

from __future__ import annotations

from typing import Any

from glabella.patients.models import Patient, PriorTreatment
from glabella.refresh.actions import recompute_forecasts


def prior_treatment_changed(
    sender: type[PriorTreatment], instance: PriorTreatment, **_: Any
) -> None:
    patient = Patient.objects.filter(pk=instance.patient_id).first()
    if patient is not None:  # gone when the patient itself is being deleted
        recompute_forecasts(patient)
