from __future__ import annotations

from glabella.accounts.models import User
from glabella.patients.actions import record_prior_treatment
from glabella.patients.models import Patient
from glabella.treatments import actions
from glabella.treatments.models import Session
from glabella.treatments.proposal import build_proposal
from glabella.treatments.queries import history_for_engine

from .builders import days_ago, glabellar_line


def test_history_combines_prior_treatments_and_signed_sessions(
    draft: Session, injector: User, patient: Patient
) -> None:
    record_prior_treatment(
        patient,
        created_by=injector,
        date=days_ago(200).isoformat(),
        product="botox",
        indication="chronic_migraine",
        units="155",
    )
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    actions.sign_session(draft, injector)
    history = history_for_engine(patient)
    assert {
        "date": days_ago(0).isoformat(),
        "product": "botox_cosmetic",
        "indication": "glabellar_lines",
        "units": 20.0,
    } in history
    assert {
        "date": days_ago(200).isoformat(),
        "product": "botox",
        "indication": "chronic_migraine",
        "units": 155.0,
    } in history


def test_a_repeat_too_soon_warns_about_the_interval(
    draft: Session, injector: User, patient: Patient
) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    actions.sign_session(draft, injector)
    again = actions.repeat_last_session(patient, injector, "glabellar_lines")
    assert build_proposal(again)["history"][0]["units"] == 20.0
    codes = {f["code"] for f in actions.assess_session(again)["findings"]}
    assert "RETREATMENT_INTERVAL" in codes


def test_the_session_itself_is_not_its_own_history(draft: Session, injector: User) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    actions.sign_session(draft, injector)
    assert build_proposal(draft)["history"] == []
