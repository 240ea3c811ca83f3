"""Reads of plans and sessions; every list is scoped to one clinic."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from glabella.accounts.models import Clinic, Membership
from glabella.accounts.roles import Role
from glabella.patients.models import Patient
from glabella.treatments.models import (
    SIGNED,
    Acknowledgement,
    Addendum,
    CoSignature,
    InjectionPoint,
    Plan,
    Session,
    TreatmentLine,
)
from glabella.treatments.proposal import history_for_engine

__all__ = [
    "cosign_queue",
    "history_for_engine",
    "last_session_for",
    "plans_of",
    "session_detail",
    "sessions_awaiting_cosign",
    "sessions_of",
]


def sessions_of(patient: Patient) -> QuerySet[Session]:
    """Newest first, with the people shown in a list."""
    return (
        Session.objects.filter(clinic_id=patient.clinic_id, patient=patient)
        .select_related("injector", "signed_by")
        .order_by("-created_at", "-id")
    )


def draft_detail(clinic: Clinic) -> QuerySet[Session]:
    """Sessions with everything a draft's chart shows, in a fixed number of queries.

    The charting page is the busiest page, and a draft has no addenda or co-signatures:
    leaving those two prefetches out is a measurable share of its time.
    """
    lines = TreatmentLine.objects.select_related("lot", "vial").order_by("position")
    return (
        Session.objects.filter(clinic=clinic)
        .select_related("clinic", "patient", "injector", "signed_by", "updated_by")
        .prefetch_related(
            Prefetch("lines", queryset=lines),
            Prefetch("lines__points", queryset=InjectionPoint.objects.order_by("position")),
            Prefetch("acknowledgements", queryset=Acknowledgement.objects.select_related("by")),
        )
    )


# What a signed session shows beyond a draft.
SIGNED_EXTRAS = (
    Prefetch("addenda", queryset=Addendum.objects.select_related("author")),
    Prefetch("cosignatures", queryset=CoSignature.objects.select_related("physician")),
)


def session_detail(clinic: Clinic) -> QuerySet[Session]:
    """Sessions with everything a chart shows, in a fixed number of queries (no N+1)."""
    return draft_detail(clinic).prefetch_related(*SIGNED_EXTRAS)


def last_session_for(patient: Patient, indication: str) -> Session | None:
    """The most recently signed session with a line for ``indication``."""
    return (
        Session.objects.filter(
            clinic_id=patient.clinic_id,
            patient=patient,
            status=SIGNED,
            lines__indication=indication,
        )
        .order_by("-signed_at", "-id")
        .first()
    )


def sessions_awaiting_cosign(clinic: Clinic) -> QuerySet[Session]:
    """Signed sessions not yet co-signed whose signer is not a physician of the clinic."""
    physician_signer = Membership.objects.filter(
        clinic=clinic, user=OuterRef("signed_by"), role=Role.PHYSICIAN.value
    )
    return (
        Session.objects.filter(clinic=clinic, status=SIGNED)
        .filter(~Exists(CoSignature.objects.filter(session=OuterRef("pk"))))
        .filter(~Exists(physician_signer))
        .select_related("patient", "signed_by")
        .order_by("signed_at", "id")
    )


cosign_queue = sessions_awaiting_cosign


def plans_of(patient: Patient) -> QuerySet[Plan]:
    return (
        Plan.objects.filter(clinic_id=patient.clinic_id, patient=patient)
        .prefetch_related("lines")
        .order_by("-created_at", "-id")
    )
