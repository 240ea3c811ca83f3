"""Refresh forecasts and the wear-off reports that feed them.

- :class:`WearOffReport` — a dated "the effect has worn off" for one patient and
  indication, from the patient's one-click link in a reminder or from a clinician.
- :class:`RefreshForecast` — the current prediction for one patient and indication
  (one row per pair, replaced on every recompute): when the effect of the last
  treatment is expected to wear off, with a range and a one-line explanation. The
  model behind it is :mod:`glabella.forecast`.

Other apps read forecasts through :mod:`glabella.refresh.queries` (``due_list``) and
create wear-off links with :func:`glabella.refresh.links.wear_off_link`; writes go
through :mod:`glabella.refresh.actions` (``record_wear_off``, ``recompute_forecasts``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

PATIENT_LINK = "patient_link"
CLINICIAN = "clinician"
REPORT_SOURCES = [(PATIENT_LINK, "Patient (reminder link)"), (CLINICIAN, "Clinician")]

PRIOR = "prior"
PATIENT = "patient"
BLENDED = "blended"
BASIS_CHOICES = [
    (PRIOR, "Typical duration only"),
    (PATIENT, "This patient's history only"),
    (BLENDED, "Typical duration and this patient's history"),
]


class WearOffReport(models.Model):
    """The date a patient noticed the effect of a treatment wearing off."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="wear_off_reports"
    )
    indication = models.CharField(max_length=60)
    # Blank when the reporter did not say which product (the treatment date pins it).
    product = models.CharField(max_length=60, blank=True)
    # The treatment whose effect wore off; None only when no treatment was on record.
    treated_on = models.DateField(null=True, blank=True)
    reported_on = models.DateField()
    source = models.CharField(max_length=20, choices=REPORT_SOURCES)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            # A reminder link reports one treatment once: opening it twice is not two reports.
            models.UniqueConstraint(
                fields=["patient", "indication", "treated_on"],
                condition=Q(source=PATIENT_LINK),
                name="wear_off_once_per_link",
            )
        ]
        indexes = [
            models.Index(fields=["patient", "indication", "treated_on"], name="wear_off_by_patient")
        ]

    def __str__(self) -> str:
        return f"{self.indication} treated {self.treated_on} wore off {self.reported_on}"

    @property
    def days(self) -> int | None:
        if self.treated_on is None:
            return None
        return (self.reported_on - self.treated_on).days


class RefreshForecast(models.Model):
    """When the last treatment of one indication is expected to wear off for one patient."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="refresh_forecasts"
    )
    indication = models.CharField(max_length=60)
    product = models.CharField(max_length=60)
    product_class = models.CharField(max_length=10)  # "toxin" or "filler"
    last_treated_on = models.DateField()
    predicted_on = models.DateField()
    low_on = models.DateField()
    high_on = models.DateField()
    explanation = models.CharField(max_length=400)
    basis = models.CharField(max_length=10, choices=BASIS_CHOICES)
    # How many of this patient's own durations (reports and intervals) the forecast used.
    observations = models.PositiveSmallIntegerField(default=0)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "indication"], name="refresh_forecast_per_indication"
            ),
            models.CheckConstraint(
                condition=Q(low_on__lte=models.F("predicted_on"))
                & Q(predicted_on__lte=models.F("high_on")),
                name="refresh_forecast_range_ordered",
            ),
        ]
        indexes = [
            # The due list: one range scan per clinic in date order.
            models.Index(fields=["clinic", "predicted_on", "id"], name="refresh_due"),
        ]

    def __str__(self) -> str:
        return f"{self.indication}: {self.predicted_on} ({self.low_on}-{self.high_on})"
