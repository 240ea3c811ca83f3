"""Every write to patients, profiles and prior treatments; web, API and demo call these.

Each action validates all of its input (raising :class:`glabella.errors.InvalidInput`
that names the field) and runs in one transaction, nested inside the caller's if any.
Auditing is the edge's job: it knows the request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from glabella.accounts.models import Clinic, Membership, User
from glabella.patients import validation as check
from glabella.patients import vocabulary
from glabella.patients.models import (
    SEX_CHOICES,
    SOURCE_CHOICES,
    MedicalProfile,
    Patient,
    PatientCounter,
    PriorTreatment,
)
from glabella.patients.names import search_key

SKIN_TEST_RESULTS = ("negative", "positive")
MAX_UNITS = Decimal("1000")
MAX_VOLUME_ML = Decimal("50")
MAX_WEIGHT_KG = Decimal("400")


def next_record_number(clinic: Clinic) -> int:
    """The clinic's next record number; the counter row stays locked until commit."""
    PatientCounter.objects.get_or_create(clinic=clinic)
    # The UPDATE takes the row lock, so concurrent registrations queue here one by one.
    PatientCounter.objects.filter(clinic=clinic).update(last_number=F("last_number") + 1)
    return PatientCounter.objects.values_list("last_number", flat=True).get(clinic=clinic)


def clean_demographics(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "family_name": check.name(fields.get("family_name"), "family_name"),
        "given_name": check.name(fields.get("given_name"), "given_name"),
        "birth_date": check.past_date(fields.get("birth_date"), "birth_date"),
        "sex": check.choice(fields.get("sex"), "sex", [value for value, _ in SEX_CHOICES]),
        "email": check.email(fields.get("email")),
        "phone": check.phone(fields.get("phone")),
        "email_opt_out": bool(fields.get("email_opt_out", False)),
        "sms_opt_out": bool(fields.get("sms_opt_out", False)),
    }


def with_keys(values: dict[str, Any]) -> dict[str, Any]:
    return {
        **values,
        "family_key": search_key(values["family_name"]),
        "given_key": search_key(values["given_name"]),
    }


def register_patient(clinic: Clinic, **fields: Any) -> Patient:
    """A new patient with the clinic's next record number."""
    values = with_keys(clean_demographics(fields))
    with transaction.atomic():
        return Patient.objects.create(
            clinic=clinic, record_number=next_record_number(clinic), **values
        )


def update_patient(patient: Patient, **fields: Any) -> Patient:
    """Replace the demographics; the record number never changes."""
    values = with_keys(clean_demographics(fields))
    with transaction.atomic():
        for attribute, value in values.items():
            setattr(patient, attribute, value)
        patient.save()
    return patient


def record_profile(
    patient: Patient,
    *,
    recorded_by: User | None = None,
    recorded_at: datetime | None = None,
    pregnant: bool = False,
    breastfeeding: bool = False,
    weight_kg: object = None,
    conditions: Sequence[str] = (),
    allergies: Sequence[str] = (),
    medications: Sequence[str] = (),
    infection_sites: Sequence[str] = (),
    skin_tests: Sequence[Mapping[str, Any]] = (),
    notes: str = "",
) -> MedicalProfile:
    """Insert a new snapshot; earlier snapshots stay as they were."""
    if pregnant and patient.sex == "male":
        raise check.invalid("pregnant", "cannot be true for a patient recorded as male")
    at = recorded_at or timezone.now()
    if at > timezone.now():
        raise check.invalid("recorded_at", f"{at.isoformat()} is in the future")
    facts = {
        "conditions": check.known_ids(
            list(conditions), "conditions", vocabulary.conditions(), "condition"
        ),
        "allergies": check.known_ids(
            list(allergies), "allergies", vocabulary.allergies(), "allergy"
        ),
        "medications": check.known_ids(
            list(medications), "medications", vocabulary.medications(), "medication class"
        ),
        "infection_sites": check.known_ids(
            list(infection_sites),
            "infection_sites",
            vocabulary.infection_targets(),
            "region or site",
        ),
    }
    with transaction.atomic():
        return MedicalProfile.objects.create(
            clinic_id=patient.clinic_id,
            patient=patient,
            recorded_at=at,
            recorded_by=recorded_by,
            pregnant=bool(pregnant),
            breastfeeding=bool(breastfeeding),
            weight_kg=check.amount(weight_kg, "weight_kg", maximum=MAX_WEIGHT_KG),
            skin_tests=clean_skin_tests(skin_tests, patient.birth_date),
            notes=check.text(notes, "notes", required=False, max_length=5000),
            **facts,
        )


def clean_skin_tests(tests: Sequence[Mapping[str, Any]], born: date) -> list[dict[str, str]]:
    cleaned = []
    for index, test in enumerate(tests):
        field = f"skin_tests.{index}"
        if not isinstance(test, Mapping):
            raise check.invalid(field, "must be an object with product, date and result")
        cleaned.append(
            {
                "product": check.known_id(
                    test.get("product"), f"{field}.product", vocabulary.products(), "product"
                ),
                "date": check.past_date(
                    test.get("date"), f"{field}.date", earliest=born
                ).isoformat(),
                "result": check.choice(test.get("result"), f"{field}.result", SKIN_TEST_RESULTS),
            }
        )
    return cleaned


def record_prior_treatment(
    patient: Patient,
    *,
    date: object,
    product: str,
    indication: str,
    units: object = None,
    volume_ml: object = None,
    injector: User | None = None,
    source: str = "external",
    notes: str = "",
    created_by: User | None = None,
) -> PriorTreatment:
    """One earlier administration: a toxin in units or a filler in mL."""
    product_id = check.known_id(product, "product", vocabulary.products(), "product")
    given_on = check.past_date(date, "date", earliest=patient.birth_date)
    dose = clean_amount(product_id, units, volume_ml)
    if injector is not None and not is_member(injector, patient.clinic_id):
        raise check.invalid("injector", "must be a member of the patient's clinic")
    with transaction.atomic():
        return PriorTreatment.objects.create(
            clinic_id=patient.clinic_id,
            patient=patient,
            date=given_on,
            product=product_id,
            indication=check.known_id(
                indication, "indication", vocabulary.indications(), "indication"
            ),
            injector=injector,
            source=check.choice(source, "source", [value for value, _ in SOURCE_CHOICES]),
            notes=check.text(notes, "notes", required=False, max_length=5000),
            created_by=created_by,
            **dose,
        )


def clean_amount(product_id: str, units: object, volume_ml: object) -> dict[str, Decimal | None]:
    """Units for a toxin, mL for a filler: exactly one of the two."""
    dose = {
        "units": check.amount(units, "units", maximum=MAX_UNITS),
        "volume_ml": check.amount(volume_ml, "volume_ml", maximum=MAX_VOLUME_ML),
    }
    kind = vocabulary.product_kind(product_id)
    wanted = "volume_ml" if kind == "filler" else "units" if kind == "toxin" else None
    given = [field for field, value in dose.items() if value is not None]
    if wanted is not None and given != [wanted]:
        noun = "a filler, in mL" if kind == "filler" else "a toxin, in units"
        raise check.invalid(wanted, f"{product_id} is {noun}: give {wanted} and nothing else")
    if len(given) != 1:
        raise check.invalid("units", "give either units (toxins) or volume_ml (fillers)")
    return dose


def is_member(user: User, clinic_id: int) -> bool:
    return Membership.objects.filter(user=user, clinic_id=clinic_id).exists()
