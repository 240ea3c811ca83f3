"""Signing a session enqueues its aftercare; the worker mails it over real SMTP."""

from __future__ import annotations

import pytest
from django.test import Client

from glabella.accounts.models import Clinic, User
from glabella.followup import worker
from glabella.followup.models import Appointment, Message
from glabella.followup.transports.email import IDEMPOTENCY_HEADER, message_id
from glabella.knowledge import load_knowledge
from glabella.patients.models import Patient
from glabella.treatments import actions
from glabella.treatments.models import Session
from treatments.builders import glabellar_line, lip_line

from .builders import patient_in
from .conftest import Inbox

VASCULAR = "skin turning white"
TOXIN_SPREAD = "Trouble swallowing, speaking or breathing"


def signed(patient: Patient, injector: User, lines: list[dict[str, object]]) -> Session:
    draft = actions.create_session(patient, injector)
    actions.save_chart(draft, injector, 1, lines)
    return actions.sign_session(draft, injector)


def text_of(inbox: Inbox) -> str:
    [mail] = inbox.mails
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def test_toxin_and_filler_aftercare_reaches_the_patient(
    patient: Patient, injector: User, smtp: Inbox
) -> None:
    session = signed(patient, injector, [glabellar_line(), lip_line()])
    message = Message.objects.get(session=session)
    assert message.kind == "aftercare" and message.state == "pending"

    counts = worker.drain("test-worker")

    assert counts.sent == 1
    [mail] = smtp.mails
    assert mail["To"] == patient.email
    assert mail[IDEMPOTENCY_HEADER] == message.idempotency_key
    assert mail["Message-ID"] == message_id(message.idempotency_key)
    text = text_of(smtp)
    kb = load_knowledge()
    for product in ("botox_cosmetic", "juvederm_volbella_xc"):
        assert kb.products[product].name in text
    for site in ("procerus", "corrugator_l", "lip_upper"):
        assert kb.sites[site].name in text
    assert "After lip or perioral filler" in text
    assert VASCULAR in text and TOXIN_SPREAD in text
    assert kb.sequencing["toxin_first"].text in text
    assert Message.objects.get(pk=message.pk).state == "sent"


def test_toxin_only_aftercare_has_no_filler_advice(
    patient: Patient, injector: User, smtp: Inbox
) -> None:
    signed(patient, injector, [glabellar_line()])
    worker.drain("test-worker")
    text = text_of(smtp)
    assert TOXIN_SPREAD in text
    assert VASCULAR not in text
    assert "Dermal filler" not in text
    assert "Toxin and filler together" not in text


def test_signing_proposes_the_review_the_engine_suggests(patient: Patient, injector: User) -> None:
    session = signed(patient, injector, [glabellar_line()])
    review = Appointment.objects.get(session=session)
    assert (review.kind, review.status, review.clinician) == ("review", "proposed", injector)
    expected = min(line["review"] for line in session.assessment["lines"] if line.get("review"))
    assert review.starts_at.date().isoformat() == expected


def test_the_hook_is_idempotent(patient: Patient, injector: User) -> None:
    from glabella.followup.hooks import on_session_signed

    session = signed(patient, injector, [glabellar_line()])
    on_session_signed(session)
    assert Message.objects.filter(session=session).count() == 1
    assert Appointment.objects.filter(session=session).count() == 1


@pytest.mark.parametrize("lines", [[glabellar_line(), lip_line()]])
def test_the_aftercare_page_prints_what_was_done(
    patient: Patient, injector: User, client_a: Client, lines: list[dict[str, object]]
) -> None:
    session = signed(patient, injector, lines)
    response = client_a.get(f"/followup/sessions/{session.pk}/aftercare/")
    assert response.status_code == 200
    page = response.content.decode()
    assert VASCULAR in page and TOXIN_SPREAD in page
    assert load_knowledge().products["juvederm_volbella_xc"].name in page


def test_a_patient_without_email_still_gets_a_review_and_a_printable_sheet(
    clinic_a: Clinic, injector: User, client_a: Client
) -> None:
    patient = patient_in(clinic_a, email="")
    session = signed(patient, injector, [glabellar_line()])
    assert not Message.objects.filter(session=session).exists()
    assert Appointment.objects.filter(session=session, status="proposed").exists()
    page = client_a.get(f"/followup/sessions/{session.pk}/aftercare/")
    assert TOXIN_SPREAD in page.content.decode()
