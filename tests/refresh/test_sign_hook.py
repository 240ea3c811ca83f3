"""Signing a session recomputes the patient's forecasts."""

from __future__ import annotations

from django.utils import timezone

from glabella.accounts.models import Clinic, User
from glabella.refresh.actions import on_session_signed
from glabella.refresh.models import RefreshForecast
from glabella.treatments.hooks import on_signed_hooks, run_on_signed
from glabella.treatments.models import SIGNED, Session, TreatmentLine

from .conftest import new_patient


def signed_session(clinic: Clinic, injector: User) -> Session:
    """A draft with one line, then signed (the database refuses lines added after signing)."""
    session = Session.objects.create(clinic=clinic, patient=new_patient(clinic), injector=injector)
    TreatmentLine.objects.create(
        clinic=clinic,
        session=session,
        position=0,
        product="botox_cosmetic",
        indication="glabellar_lines",
    )
    Session.objects.filter(pk=session.pk).update(
        status=SIGNED, signed_by=injector, signed_at=timezone.now()
    )
    session.refresh_from_db()
    return session


def test_the_refresh_hook_is_registered() -> None:
    assert on_session_signed in on_signed_hooks()


def test_a_signed_session_counts_as_a_treatment(clinic_a: Clinic, injector: User) -> None:
    session = signed_session(clinic_a, injector)
    run_on_signed(session)
    forecast = RefreshForecast.objects.get(patient=session.patient)
    assert forecast.indication == "glabellar_lines"
    assert session.signed_at is not None
    assert forecast.last_treated_on == timezone.localdate(session.signed_at)
