"""The rule engine's proposal for a session: latest profile, history, and the charted lines.

History counts prior treatments recorded on the patient and this clinic's signed
sessions (the one being assessed excluded), one entry per date, product and indication
with the total amount, as the assessment contract asks.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils import timezone

from glabella.patients.models import Patient
from glabella.patients.queries import history_for_engine as prior_history
from glabella.patients.queries import profile_for_engine
from glabella.rules.engine import assess_json
from glabella.treatments.models import SIGNED, InjectionPoint, Session, TreatmentLine


def build_proposal(session: Session, at: datetime | None = None) -> dict[str, Any]:
    moment = timezone.localtime(at or timezone.now()).replace(tzinfo=None)
    return {
        "at": moment.isoformat(timespec="seconds"),
        "patient": profile_for_engine(session.patient),
        "history": history_for_engine(session.patient, exclude=session.pk),
        "treatments": [treatment(line) for line in lines_of(session)],
    }


def lines_of(session: Session) -> list[TreatmentLine]:
    """Lines with points, lot and vial in three queries (reuses a prefetch when present)."""
    cache = getattr(session, "_prefetched_objects_cache", {})
    if "lines" in cache:
        return list(session.lines.all())
    return list(
        session.lines.select_related("lot", "vial").prefetch_related("points").order_by("position")
    )


def treatment(line: TreatmentLine) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "product": line.product,
        "indication": line.indication,
        "points": [amount(point) for point in line.points.all()],
    }
    if line.lot is not None:
        lot: dict[str, Any] = {"number": line.lot.lot_number, "expiry": line.lot.expiry.isoformat()}
        if line.vial is not None:
            reconstituted = timezone.localtime(line.vial.reconstituted_at).replace(tzinfo=None)
            lot["reconstituted_at"] = reconstituted.isoformat(timespec="seconds")
        entry["lot"] = lot
    return entry


def amount(point: InjectionPoint) -> dict[str, Any]:
    if point.units is not None:
        return {"site": point.site, "units": float(point.units)}
    return {"site": point.site, "volume_ml": float(point.volume_ml or 0)}


def history_for_engine(patient: Patient, exclude: int | None = None) -> list[dict[str, Any]]:
    """Prior treatments plus signed sessions, newest first, amounts summed per day."""
    totals: dict[tuple[str, str, str, str], Decimal] = defaultdict(Decimal)
    for row in prior_history(patient):
        unit = "units" if "units" in row else "volume_ml"
        key = (row["date"], row["product"], row["indication"], unit)
        totals[key] += Decimal(str(row[unit]))
    for (day, product, indication, unit), value in signed_amounts(patient, exclude):
        totals[(day.isoformat(), product, indication, unit)] += value
    return [
        {"date": d, "product": p, "indication": i, unit: float(value)}
        for (d, p, i, unit), value in sorted(totals.items(), reverse=True)
    ]


def signed_amounts(
    patient: Patient, exclude: int | None
) -> list[tuple[tuple[date, str, str, str], Decimal]]:
    rows = (
        InjectionPoint.objects.filter(
            clinic_id=patient.clinic_id,
            line__session__patient=patient,
            line__session__status=SIGNED,
        )
        .values("line__session__signed_at", "line__product", "line__indication")
        .annotate(units=Sum("units"), volume_ml=Sum("volume_ml"))
    )
    if exclude is not None:
        rows = rows.exclude(line__session_id=exclude)
    result = []
    for row in rows:
        day = timezone.localtime(row["line__session__signed_at"]).date()
        for unit in ("units", "volume_ml"):
            if row[unit]:
                key = (day, row["line__product"], row["line__indication"], unit)
                result.append((key, row[unit]))
    return result


def assess_session(session: Session, at: datetime | None = None) -> dict[str, Any]:
    """The engine's assessment (contract JSON) of the session as it stands now."""
    return assess_json(build_proposal(session, at))
