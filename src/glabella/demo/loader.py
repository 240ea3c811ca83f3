"""Load the demo clinics, their users and synthetic patients; safe to run again.

Clinics are keyed by slug, users by username and patients by their demo e-mail
address, so a second run finds everything in place and creates nothing. The
patients themselves come from :mod:`glabella.demo.generate` with a fixed seed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from glabella.accounts import actions as accounts
from glabella.accounts.models import Clinic, User
from glabella.accounts.roles import Role
from glabella.demo.generate import PatientSpec, demo_patients

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoClinic:
    name: str
    slug: str
    prefix: str  # of usernames and demo chart numbers
    patients: int
    therapeutic: bool  # a neurology clinic: migraine, dystonia, blepharospasm


@dataclass(frozen=True)
class DemoLogin:
    clinic: str
    role: str
    username: str
    password: str


@dataclass(frozen=True)
class DemoSummary:
    patients_created: int
    patients_existing: int


CLINICS = (
    DemoClinic("Glabella Demo Clinic", "glabella-demo", "demo", 120, therapeutic=False),
    DemoClinic("Northside Neurology", "northside-neurology", "north", 80, therapeutic=True),
)

# Given names per role, so the header reads like a person rather than a role.
STAFF_NAMES = {
    Role.INJECTOR: ("Ines", "Moreno"),
    Role.PHYSICIAN: ("Paul", "Okonkwo"),
    Role.FRONT_DESK: ("Fiona", "Lindqvist"),
    Role.ADMIN: ("Ada", "Brennan"),
}


def username(clinic: DemoClinic, role: Role) -> str:
    return f"{clinic.prefix}-{role.value.replace('_', '')}"


def password(role: Role) -> str:
    # Fixed and printed: this is demo data on loopback. Each passes the password validators.
    return f"glabella-{role.value.replace('_', '')}-2026"


def demo_logins() -> list[DemoLogin]:
    return [
        DemoLogin(clinic.name, role.label, username(clinic, role), password(role))
        for clinic in CLINICS
        for role in Role
    ]


def load_demo(
    progress: Progress | None = None,
    today: date | None = None,
    clinics: Sequence[DemoClinic] | None = None,
) -> DemoSummary:
    """Create whatever part of the demo data is missing; report patients as they load."""
    today = today or timezone.localdate()
    plans = [
        (clinic, demo_patients(clinic.prefix.upper(), clinic.patients, clinic.therapeutic, today))
        for clinic in (clinics or CLINICS)
    ]
    total = sum(len(specs) for _, specs in plans)
    done = created = 0
    for demo_clinic, specs in plans:
        with transaction.atomic():
            clinic = ensure_clinic(demo_clinic)
            staff = {role: ensure_user(clinic, demo_clinic, role) for role in Role}
            existing = existing_demo_emails(clinic)
            for spec in specs:
                if spec.email not in existing:
                    create_patient(clinic, spec, staff[Role.INJECTOR], staff[Role.FRONT_DESK])
                    created += 1
                done += 1
                if progress is not None:
                    progress(done, total)
    return DemoSummary(patients_created=created, patients_existing=total - created)


def ensure_clinic(demo: DemoClinic) -> Clinic:
    clinic = Clinic.objects.filter(slug=demo.slug).first()
    return clinic or accounts.create_clinic(demo.name, demo.slug)


def ensure_user(clinic: Clinic, demo: DemoClinic, role: Role) -> User:
    name = username(demo, role)
    user = User.objects.filter(username=name).first()
    if user is not None:
        return user
    first, last = STAFF_NAMES[role]
    return accounts.create_user(
        name,
        password(role),
        clinic,
        role.value,
        email=f"{name}@example.org",
        first_name=first,
        last_name=last,
    )


def existing_demo_emails(clinic: Clinic) -> set[str]:
    from glabella.patients.models import Patient

    return set(Patient.objects.filter(clinic=clinic).values_list("email", flat=True))


def create_patient(clinic: Clinic, spec: PatientSpec, injector: User, front_desk: User) -> None:
    """Register one patient with a profile snapshot and their year of treatments."""
    from glabella.patients import actions as patients

    patient = patients.register_patient(
        clinic,
        family_name=spec.last_name,
        given_name=spec.first_name,
        birth_date=spec.birth_date,
        sex=spec.sex,
        email=spec.email,
    )
    first_visit = spec.treatments[0].date if spec.treatments else timezone.localdate()
    patients.record_profile(
        patient,
        recorded_at=_at(first_visit),
        weight_kg=spec.profile.weight_kg,
        pregnant=spec.profile.pregnant,
        breastfeeding=spec.profile.breastfeeding,
        conditions=list(spec.profile.conditions),
        allergies=list(spec.profile.allergies),
        medications=list(spec.profile.medications),
        recorded_by=injector,
    )
    for treatment in spec.treatments:
        patients.record_prior_treatment(
            patient,
            date=treatment.date,
            product=treatment.product,
            indication=treatment.indication,
            units=treatment.units,
            volume_ml=treatment.volume_ml,
            source="demo",
            injector=injector,
            created_by=front_desk,
        )


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))
