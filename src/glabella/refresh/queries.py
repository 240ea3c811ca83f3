"""Reads for refresh forecasts: a patient's forecasts, their history, and the due list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from glabella.accounts.models import Clinic
from glabella.errors import InvalidInput
from glabella.forecast import Report
from glabella.patients.models import Patient, PriorTreatment
from glabella.refresh.compute import Given
from glabella.refresh.models import RefreshForecast, WearOffReport

PAGE_SIZE = 100
# How far back the due list still shows someone whose forecast date has passed without
# a new treatment: a front-desk window, not a clinical figure.
OVERDUE_DAYS = 90


def forecasts_of(patient: Patient) -> QuerySet[RefreshForecast]:
    return RefreshForecast.objects.filter(clinic_id=patient.clinic_id, patient=patient).order_by(
        "predicted_on", "indication"
    )


def reports_of(patient: Patient) -> QuerySet[WearOffReport]:
    return WearOffReport.objects.filter(clinic_id=patient.clinic_id, patient=patient).order_by(
        "-reported_on", "-id"
    )


def given_to(clinic_id: int, patient_ids: Iterable[int]) -> dict[int, list[Given]]:
    """Every administration per patient: prior treatments and lines of signed sessions."""
    ids = list(patient_ids)
    found: dict[int, list[Given]] = defaultdict(list)
    prior = PriorTreatment.objects.filter(clinic_id=clinic_id, patient_id__in=ids)
    for patient_id, given_on, product, indication in prior.values_list(
        "patient_id", "date", "product", "indication"
    ):
        found[patient_id].append(Given(given_on, product, indication))
    for patient_id, signed_at, product, indication in signed_lines(clinic_id, ids):
        found[patient_id].append(Given(timezone.localdate(signed_at), product, indication))
    return found


def signed_lines(clinic_id: int, ids: list[int]) -> list[tuple[int, datetime, str, str]]:
    """(patient, signed at, product, indication) of every line of a signed session."""
    from glabella.treatments.models import SIGNED, TreatmentLine

    rows = TreatmentLine.objects.filter(
        clinic_id=clinic_id, session__patient_id__in=ids, session__status=SIGNED
    ).values_list("session__patient_id", "session__signed_at", "product", "indication")
    return [(p, at, product, ind) for p, at, product, ind in rows if at is not None]


def reported_by(clinic_id: int, patient_ids: Iterable[int]) -> dict[int, list[tuple[str, Report]]]:
    """Wear-off reports that name their treatment, per patient, as ``(indication, Report)``."""
    found: dict[int, list[tuple[str, Report]]] = defaultdict(list)
    rows = WearOffReport.objects.filter(
        clinic_id=clinic_id, patient_id__in=list(patient_ids), treated_on__isnull=False
    ).values_list("patient_id", "indication", "treated_on", "reported_on")
    for patient_id, indication, treated_on, reported_on in rows:
        if treated_on is not None:  # filtered above; the check narrows the type
            found[patient_id].append((indication, Report(treated_on, reported_on)))
    return found


def last_treated_on(patient: Patient, indication: str, on_or_before: date) -> date | None:
    """The patient's latest treatment of ``indication`` on or before a date."""
    dates = [
        g.given_on
        for g in given_to(patient.clinic_id, [patient.pk]).get(patient.pk, [])
        if g.indication == indication and g.given_on <= on_or_before
    ]
    return max(dates, default=None)


@dataclass(frozen=True, slots=True)
class DueRow:
    patient_id: int
    record_number: int
    family_name: str
    given_name: str
    indication: str
    product: str
    last_treated_on: date
    predicted_on: date
    low_on: date
    high_on: date
    explanation: str
    # The addresses themselves, read only to say whether they are there.
    email: str
    phone: str
    email_opt_out: bool
    sms_opt_out: bool

    @property
    def display_name(self) -> str:
        return f"{self.family_name.upper()}, {self.given_name}"

    @property
    def contact(self) -> str:
        """How the clinic may reach the patient: "email, text", "no contact", …"""
        ways = []
        if self.email:
            ways.append("email opted out" if self.email_opt_out else "email")
        if self.phone:
            ways.append("text opted out" if self.sms_opt_out else "text")
        return ", ".join(ways) or "no contact details"

    @property
    def reachable(self) -> bool:
        return bool(self.email and not self.email_opt_out) or bool(
            self.phone and not self.sms_opt_out
        )


@dataclass(frozen=True, slots=True)
class DuePage:
    """One page; ``next_after`` is the cursor of the following page (None on the last)."""

    rows: list[DueRow]
    next_after: str | None

    @property
    def has_next(self) -> bool:
        return self.next_after is not None


DUE_FIELDS = (
    "patient_id",
    "patient__record_number",
    "patient__family_name",
    "patient__given_name",
    "indication",
    "product",
    "last_treated_on",
    "predicted_on",
    "low_on",
    "high_on",
    "explanation",
    "patient__email",
    "patient__phone",
    "patient__email_opt_out",
    "patient__sms_opt_out",
)


def due_window(today: date, within_days: int) -> tuple[date, date]:
    return today - timedelta(days=OVERDUE_DAYS), today + timedelta(days=within_days)


def due_queryset(clinic: Clinic, within_days: int, today: date) -> QuerySet[RefreshForecast]:
    """Forecasts due by ``today + within_days`` (overdue ones back to ``OVERDUE_DAYS``).

    One range scan of the ``refresh_due`` index in date order, joined to the patient by
    primary key: the cost grows with the page, not with the clinic.
    """
    start, end = due_window(today, within_days)
    return RefreshForecast.objects.filter(
        clinic=clinic, predicted_on__gte=start, predicted_on__lte=end
    ).order_by("predicted_on", "id")


def due_list(
    clinic: Clinic,
    within_days: int,
    today: date,
    *,
    after: str | None = None,
    page_size: int | None = None,
) -> DuePage:
    """One page of the due list, earliest forecast first, starting after a cursor.

    Keyset paging (``predicted_on, id`` greater than the cursor's) rather than OFFSET, so
    the hundredth page costs what the first does.
    """
    page_size = page_size or PAGE_SIZE
    found = due_queryset(clinic, within_days, today)
    if after:
        day, last_id = parse_cursor(after)
        found = found.filter(predicted_on__gte=day).filter(
            Q(predicted_on__gt=day) | Q(predicted_on=day, id__gt=last_id)
        )
    rows = list(found.values_list("id", *DUE_FIELDS)[: page_size + 1])
    page = [DueRow(*row[1:]) for row in rows[:page_size]]
    more = len(rows) > page_size
    next_after = f"{page[-1].predicted_on.isoformat()}.{rows[page_size - 1][0]}" if more else None
    return DuePage(rows=page, next_after=next_after)


def parse_cursor(text: str) -> tuple[date, int]:
    """``2026-01-05.1234`` (date and forecast id of the last row shown) into its parts."""
    day, _, last_id = text.partition(".")
    try:
        return date.fromisoformat(day), int(last_id)
    except ValueError as exc:
        raise InvalidInput("bad_cursor", f"{text!r} is not a due-list cursor.", "after") from exc


def due_rows(clinic: Clinic, within_days: int, today: date, chunk: int = 2000) -> Iterable[DueRow]:
    """Every due row, streamed in chunks (for CSV and the command line)."""
    for row in due_queryset(clinic, within_days, today).values_list(*DUE_FIELDS).iterator(chunk):
        yield DueRow(*row)
