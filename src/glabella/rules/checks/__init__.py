"""The checks, one function per rule family, run in this order by the engine."""

from __future__ import annotations

from collections.abc import Callable

from glabella.rules.checks import age, allergy, combination, dose, interval, lot, patient, site
from glabella.rules.context import Context

Check = Callable[[Context], None]

CHECKS: tuple[Check, ...] = (
    combination.indication_fit,
    patient.pregnancy,
    patient.neuromuscular,
    allergy.hypersensitivity,
    patient.anaphylaxis,
    site.infection,
    allergy.skin_test,
    age.age,
    patient.bleeding,
    patient.keloid,
    patient.blocking_drugs,
    interval.cumulative,
    interval.retreatment,
    dose.label_dose,
    dose.session_dose,
    dose.filler_volume,
    lot.lot,
    site.high_risk_area,
    combination.sequencing,
)
