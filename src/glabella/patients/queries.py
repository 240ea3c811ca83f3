"""Reads of patients: search, one patient's records, and the rule engine's input."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from glabella.accounts.models import Clinic
from glabella.patients.models import MedicalProfile, Patient, PriorTreatment
from glabella.patients.names import search_key, successor

LIMIT = 50
RECORD_NUMBER = re.compile(r"^#?(\d{1,9})$")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
NAME_ORDER = ("family_key", "given_key", "id")


def patients_of(clinic: Clinic) -> QuerySet[Patient]:
    return Patient.objects.filter(clinic=clinic)


def search(clinic: Clinic, q: str) -> list[Patient]:
    """Up to 50 patients matching a record number, a birth date or a name prefix.

    ``smi`` matches family or given names starting with "smi"; ``smi ann`` matches
    family "smi…" with given "ann…" (or the other way round). Each branch is one
    range scan of an index that already holds the rows in display order.
    """
    query = q.strip()
    if not query:
        return list(patients_of(clinic).order_by("-id")[:LIMIT])
    number = RECORD_NUMBER.match(query)
    if number:
        return list(patients_of(clinic).filter(record_number=int(number.group(1))))
    born = parse_date(query)
    if born is not None:
        return list(patients_of(clinic).filter(birth_date=born).order_by(*NAME_ORDER)[:LIMIT])
    return search_names(clinic, [search_key(token) for token in re.split(r"[\s,]+", query)])


def parse_date(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def search_names(clinic: Clinic, keys: list[str]) -> list[Patient]:
    keys = [key for key in keys if key]
    if not keys:
        return []
    branches: list[tuple[str, str, str | None]]
    if len(keys) == 1:
        branches = [("family_key", keys[0], None), ("given_key", keys[0], None)]
    else:
        family, given = "".join(keys[:-1]), keys[-1]
        branches = [("family_key", family, given), ("given_key", keys[0], "".join(keys[1:]))]
    found: dict[int, Patient] = {}
    for field, prefix, other_prefix in branches:
        for patient in name_prefix(clinic, field, prefix, other_prefix):
            found[patient.pk] = patient
    ordered = sorted(found.values(), key=lambda p: (p.family_key, p.given_key, p.pk))
    return ordered[:LIMIT]


def name_prefix(
    clinic: Clinic, field: str, prefix: str, other_prefix: str | None
) -> QuerySet[Patient]:
    """Patients whose ``field`` key starts with ``prefix``, the other key ``other_prefix``."""
    other = "given_key" if field == "family_key" else "family_key"
    rows = patients_of(clinic).filter(**key_range(field, prefix))
    if other_prefix:
        rows = rows.filter(**key_range(other, other_prefix))
    return rows.order_by(field, other, "id")[:LIMIT]


def key_range(field: str, prefix: str) -> dict[str, str]:
    """A prefix as a half-open range, which a B-tree index answers in key order."""
    upper = successor(prefix)
    bounds = {f"{field}__gte": prefix}
    if upper is not None:
        bounds[f"{field}__lt"] = upper
    return bounds


def profiles_of(patient: Patient) -> QuerySet[MedicalProfile]:
    """Newest first; the first row is the profile in force."""
    return (
        MedicalProfile.objects.filter(clinic_id=patient.clinic_id, patient=patient)
        .select_related("recorded_by")
        .order_by("-recorded_at", "-id")
    )


def latest_profile(patient: Patient) -> MedicalProfile | None:
    return profiles_of(patient).first()


def prior_treatments_of(patient: Patient) -> QuerySet[PriorTreatment]:
    return (
        PriorTreatment.objects.filter(clinic_id=patient.clinic_id, patient=patient)
        .select_related("injector")
        .order_by("-date", "-id")
    )


def profile_for_engine(patient: Patient) -> dict[str, Any]:
    """The contract's ``patient`` object from the latest snapshot (defaults without one)."""
    profile = latest_profile(patient)
    facts: dict[str, Any] = {
        "birth_date": patient.birth_date.isoformat(),
        "sex": patient.sex,
        "pregnant": False,
        "breastfeeding": False,
        "conditions": [],
        "allergies": [],
        "medications": [],
        "infection_sites": [],
        "skin_tests": [],
    }
    if profile is None:
        return facts
    if profile.weight_kg is not None:
        facts["weight_kg"] = float(profile.weight_kg)
    facts.update(
        pregnant=profile.pregnant,
        breastfeeding=profile.breastfeeding,
        conditions=list(profile.conditions),
        allergies=list(profile.allergies),
        medications=list(profile.medications),
        infection_sites=list(profile.infection_sites),
        skin_tests=[dict(test) for test in profile.skin_tests],
    )
    return facts


def history_for_engine(patient: Patient) -> list[dict[str, Any]]:
    """Earlier administrations, one per date, product and indication, amounts summed."""
    totals: dict[tuple[date, str, str, str], Decimal] = {}
    for row in prior_treatments_of(patient).values_list(
        "date", "product", "indication", "units", "volume_ml"
    ):
        given_on, product, indication, units, volume_ml = row
        unit, amount = ("units", units) if units is not None else ("volume_ml", volume_ml)
        key = (given_on, product, indication, unit)
        totals[key] = totals.get(key, Decimal(0)) + (amount or Decimal(0))
    return [
        {"date": d.isoformat(), "product": p, "indication": i, unit: float(amount)}
        for (d, p, i, unit), amount in sorted(
            totals.items(), key=lambda item: item[0], reverse=True
        )
    ]


def engine_input(patient: Patient) -> dict[str, Any]:
    return {"patient": profile_for_engine(patient), "history": history_for_engine(patient)}
