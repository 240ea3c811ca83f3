"""Patients, sessions and charts for the treatments tests (and the tenancy factories)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from glabella.accounts.models import Clinic, Membership, User
from glabella.accounts.roles import Role
from glabella.patients.actions import register_patient
from glabella.patients.models import MedicalProfile, Patient
from glabella.treatments.models import (
    DRAFT,
    SIGNED,
    InjectionPoint,
    Plan,
    PlanLine,
    Session,
    TreatmentLine,
)

GLABELLAR = [
    {"site": "procerus", "units": 4},
    {"site": "corrugator_l", "units": 4},
    {"site": "corrugator_l", "units": 4},
    {"site": "corrugator_r", "units": 4},
    {"site": "corrugator_r", "units": 4},
]


def patient_in(clinic: Clinic, born: str = "1986-04-02") -> Patient:
    return register_patient(
        clinic, family_name="Doe", given_name="Jane", birth_date=born, sex="female"
    )


def profile(patient: Patient, **facts: Any) -> MedicalProfile:
    return MedicalProfile.objects.create(
        clinic=patient.clinic, patient=patient, recorded_at=timezone.now(), **facts
    )


def glabellar_line(**extra: Any) -> dict[str, Any]:
    return {
        "product": "botox_cosmetic",
        "indication": "glabellar_lines",
        "template": "glabellar_5_point",
        "points": [dict(p) for p in GLABELLAR],
        **extra,
    }


def lip_line(volume_ml: float = 0.5) -> dict[str, Any]:
    return {
        "product": "juvederm_volbella_xc",
        "indication": "lip_augmentation",
        "points": [{"site": "lip_upper", "volume_ml": volume_ml, "technique": "cannula"}],
    }


def user_in(clinic: Clinic, role: Role, name: str) -> User:
    user = User.objects.create(username=f"{name}_{clinic.slug}", first_name=name.capitalize())
    Membership.objects.create(user=user, clinic=clinic, role=role.value)
    return user


def signed_session_in(clinic: Clinic) -> Session:
    """Built straight in the database, for tests that need one without the sign flow.

    Lines and points go in while it is a draft: on PostgreSQL a trigger refuses changes
    to the lines of a signed session, as it should.
    """
    signer = user_in(clinic, Role.INJECTOR, "signer")
    session = Session.objects.create(
        clinic=clinic, patient=patient_in(clinic), injector=signer, status=DRAFT
    )
    line = TreatmentLine.objects.create(
        clinic=clinic,
        session=session,
        position=0,
        product="botox_cosmetic",
        indication="glabellar_lines",
    )
    InjectionPoint.objects.create(clinic=clinic, line=line, position=0, site="procerus", units=4)
    Session.objects.filter(pk=session.pk).update(
        status=SIGNED,
        signed_by=signer,
        signed_at=timezone.now(),
        knowledge_version="test",
        assessment={"verdict": "ok", "findings": [], "totals": [], "knowledge_version": "test"},
    )
    session.refresh_from_db()
    return session


def plan_in(clinic: Clinic) -> Plan:
    author = user_in(clinic, Role.INJECTOR, "planner")
    plan = Plan.objects.create(
        clinic=clinic, patient=patient_in(clinic), created_by=author, concerns=["frown_lines"]
    )
    PlanLine.objects.create(
        clinic=clinic,
        plan=plan,
        position=0,
        indication="glabellar_lines",
        product="botox_cosmetic",
        template="glabellar_5_point",
        summary="Frown lines.",
    )
    return plan


def days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)
