"""Writes for refresh forecasts: wear-off reports and recomputing the forecasts.

Callers own the transaction (views, API handlers and commands wrap these in
``transaction.atomic()``). Every write recomputes the patient's forecasts, so the stored
rows always reflect the latest history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from glabella.accounts.models import User
from glabella.errors import InvalidInput
from glabella.knowledge import KnowledgeBase, load_knowledge
from glabella.patients.models import Patient
from glabella.refresh import queries
from glabella.refresh.compute import Planned, plan
from glabella.refresh.models import PATIENT_LINK, REPORT_SOURCES, RefreshForecast, WearOffReport

if TYPE_CHECKING:
    from glabella.treatments.models import Session

SOURCES = {value for value, _ in REPORT_SOURCES}
UPDATE_FIELDS = [
    "clinic",
    "product",
    "product_class",
    "last_treated_on",
    "predicted_on",
    "low_on",
    "high_on",
    "explanation",
    "basis",
    "observations",
    "computed_at",
]


def recompute_forecasts(
    patient: Patient, *, kb: KnowledgeBase | None = None, now: datetime | None = None
) -> list[RefreshForecast]:
    """Replace the patient's forecasts with ones computed from their whole history."""
    clinic_id = patient.clinic_id
    recompute_batch(clinic_id, [patient.pk], kb=kb, now=now)
    return list(queries.forecasts_of(patient))


def recompute_batch(
    clinic_id: int,
    patient_ids: Sequence[int],
    *,
    kb: KnowledgeBase | None = None,
    now: datetime | None = None,
) -> int:
    """Recompute the forecasts of many patients of one clinic; returns the rows stored.

    Three reads (prior treatments, signed lines, reports) and one upsert per batch.
    Forecasts of indications that no longer have one are deleted.
    """
    kb = kb or load_knowledge()
    now = now or timezone.now()
    given = queries.given_to(clinic_id, patient_ids)
    reports = queries.reported_by(clinic_id, patient_ids)
    rows = [
        _row(clinic_id, patient_id, item, now)
        for patient_id in patient_ids
        for item in plan(kb, given.get(patient_id, []), reports.get(patient_id, []))
    ]
    kept = {(row.patient_id, row.indication) for row in rows}
    existing = RefreshForecast.objects.filter(clinic_id=clinic_id, patient_id__in=patient_ids)
    stale = [
        pk
        for pk, patient_id, indication in existing.values_list("pk", "patient_id", "indication")
        if (patient_id, indication) not in kept
    ]
    if stale:
        RefreshForecast.objects.filter(pk__in=stale).delete()
    RefreshForecast.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["patient", "indication"],
        update_fields=UPDATE_FIELDS,
    )
    return len(rows)


def _row(clinic_id: int, patient_id: int, item: Planned, now: datetime) -> RefreshForecast:
    result = item.forecast
    return RefreshForecast(
        clinic_id=clinic_id,
        patient_id=patient_id,
        indication=item.indication,
        product=item.product,
        product_class=item.product_class,
        last_treated_on=item.last_treated_on,
        predicted_on=result.predicted_on,
        low_on=result.low_on,
        high_on=result.high_on,
        explanation=result.explanation[:400],
        basis=result.basis,
        observations=min(result.observations, 32767),
        computed_at=now,
    )


def record_wear_off(
    patient: Patient,
    indication: str,
    *,
    reported_on: date,
    source: str,
    treated_on: date | None = None,
    product: str = "",
    reported_by: User | None = None,
    today: date | None = None,
) -> WearOffReport:
    """Record that the effect wore off on ``reported_on``, then recompute the forecasts.

    Without ``treated_on`` the report is about the latest treatment of the indication on
    or before that date. A report from a reminder link is recorded once per treatment:
    repeating it returns the first report unchanged.
    """
    _check(patient, indication, reported_on, source, treated_on, today or timezone.localdate())
    if treated_on is None:
        treated_on = queries.last_treated_on(patient, indication, reported_on)
    same_link = WearOffReport.objects.filter(
        patient=patient, indication=indication, treated_on=treated_on, source=PATIENT_LINK
    )
    if source == PATIENT_LINK and (existing := same_link.first()) is not None:
        return existing
    try:
        with transaction.atomic():  # a savepoint: a lost race must not spoil the caller's work
            report = WearOffReport.objects.create(
                clinic_id=patient.clinic_id,
                patient=patient,
                indication=indication,
                product=product,
                treated_on=treated_on,
                reported_on=reported_on,
                source=source,
                reported_by=reported_by,
            )
    except IntegrityError:
        # The same link confirmed twice at once: the other request recorded it.
        return same_link.get()
    recompute_forecasts(patient)
    return report


def _check(
    patient: Patient,
    indication: str,
    reported_on: date,
    source: str,
    treated_on: date | None,
    today: date,
) -> None:
    if source not in SOURCES:
        raise InvalidInput("unknown_source", f"Unknown report source {source!r}.", "source")
    if indication not in load_knowledge().indications:
        message = f"Unknown indication {indication!r}."
        raise InvalidInput("unknown_indication", message, "indication")
    if reported_on > today:
        raise InvalidInput(
            "reported_in_future", "The wear-off date cannot be in the future.", "reported_on"
        )
    if treated_on is not None and treated_on >= reported_on:
        raise InvalidInput(
            "reported_before_treatment",
            "The effect cannot wear off before or on the day of the treatment.",
            "reported_on",
        )


def on_session_signed(session: Session) -> None:
    """Signing hook: the new treatment moves this patient's forecasts."""
    recompute_forecasts(session.patient)
