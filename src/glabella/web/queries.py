"""Reads for the dashboard: a few counts and the latest patients of one clinic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from glabella.accounts.models import Clinic
from glabella.patients.models import Patient, PriorTreatment
from glabella.patients.queries import patients_of

RECENT_DAYS = 30


@dataclass(frozen=True)
class Counts:
    patients: int
    treatments_recent: int
    patients_treated_recent: int


def counts(clinic: Clinic) -> Counts:
    since = timezone.localdate() - timedelta(days=RECENT_DAYS)
    recent = PriorTreatment.objects.filter(clinic=clinic, date__gte=since)
    return Counts(
        patients=patients_of(clinic).count(),
        treatments_recent=recent.count(),
        patients_treated_recent=recent.values("patient_id").distinct().count(),
    )


def recent_patients(clinic: Clinic, limit: int = 8) -> QuerySet[Patient]:
    return patients_of(clinic).order_by("-created_at", "-id")[:limit]
