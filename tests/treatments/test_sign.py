from __future__ import annotations

import pytest

from glabella.accounts.models import User
from glabella.audit.models import AuditEvent
from glabella.errors import Conflict, DomainError
from glabella.patients.models import Patient
from glabella.treatments import actions
from glabella.treatments.models import DRAFT, SIGNED, Session

from .builders import glabellar_line, lip_line, profile


def test_signing_freezes_who_when_version_and_assessment(draft: Session, injector: User) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    signed = actions.sign_session(draft, injector)
    assert signed.status == SIGNED
    assert signed.signed_by == injector
    assert signed.signed_at is not None
    assert signed.assessment is not None
    assert signed.assessment["verdict"] == "ok"
    assert signed.knowledge_version == signed.assessment["knowledge_version"]
    assert AuditEvent.objects.filter(action="sign", object_id=str(draft.pk)).exists()


def test_a_pregnant_patients_lip_filler_is_blocked(
    draft: Session, injector: User, patient: Patient
) -> None:
    profile(patient, pregnant=True)
    actions.save_chart(draft, injector, 1, [lip_line()])
    assert actions.assess_session(draft)["verdict"] == "block"
    with pytest.raises(DomainError) as caught:
        actions.sign_session(draft, injector)
    assert caught.value.code == "blocked"
    assert "PREGNANCY" in caught.value.message
    assert Session.objects.get(pk=draft.pk).status == DRAFT


def test_a_warning_needs_an_acknowledgement(
    draft: Session, injector: User, patient: Patient
) -> None:
    profile(patient, medications=["anticoagulant"])
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    warn = next(f for f in actions.assess_session(draft)["findings"] if f["severity"] == "warn")
    with pytest.raises(DomainError) as caught:
        actions.sign_session(draft, injector)
    assert caught.value.code == "unacknowledged"
    assert warn["code"] in caught.value.message
    actions.acknowledge(
        draft, injector, warn["code"], warn["treatment"], warn["site"], "Stopped 5 days ago"
    )
    assert actions.sign_session(draft, injector).status == SIGNED
    assert draft.acknowledgements.get().reason == "Stopped 5 days ago"


@pytest.mark.parametrize("reason", ["", "   ", "ok"])
def test_an_acknowledgement_needs_a_written_reason(
    draft: Session, injector: User, reason: str
) -> None:
    with pytest.raises(DomainError) as caught:
        actions.acknowledge(draft, injector, "BLEEDING_RISK", 0, None, reason)
    assert caught.value.field == "reason"


def test_a_signed_session_cannot_be_saved_again(draft: Session, injector: User) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    signed = actions.sign_session(draft, injector)
    with pytest.raises(Conflict) as caught:
        actions.save_chart(signed, injector, signed.version, [lip_line()])
    assert caught.value.code == "signed"
    assert [line.product for line in signed.lines.all()] == ["botox_cosmetic"]
    with pytest.raises(Conflict):
        actions.sign_session(signed, injector)


def test_an_empty_session_cannot_be_signed(draft: Session, injector: User) -> None:
    with pytest.raises(DomainError) as caught:
        actions.sign_session(draft, injector)
    assert caught.value.code == "empty"


def test_signing_checks_the_expected_version(draft: Session, injector: User) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    with pytest.raises(Conflict):
        actions.sign_session(draft, injector, expected_version=1)


def test_front_desk_cannot_sign(draft: Session, injector: User, front_desk: User) -> None:
    from django.core.exceptions import PermissionDenied

    actions.save_chart(draft, injector, 1, [glabellar_line()])
    with pytest.raises(PermissionDenied):
        actions.sign_session(draft, front_desk)
