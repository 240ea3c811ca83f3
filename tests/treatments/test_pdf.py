from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from glabella.accounts.models import User
from glabella.errors import Conflict
from glabella.inventory.models import Lot
from glabella.patients.models import Patient
from glabella.treatments import actions
from glabella.treatments.models import Session
from glabella.treatments.pdf import render_pdf

from .builders import glabellar_line, lip_line, profile


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def a_lot(session: Session, injector: User) -> Lot:
    from django.utils import timezone

    return Lot.objects.create(
        clinic=session.clinic,
        product="botox_cosmetic",
        lot_number="C1234",
        expiry=date(2099, 1, 31),
        unit="U",
        containers_received=2,
        containers_left=2,
        amount_per_container=100,
        received_at=timezone.now(),
        received_by=injector,
    )


def test_the_chart_shows_doses_totals_lot_findings_and_signatures(
    draft: Session, injector: User, physician: User, patient: Patient
) -> None:
    profile(patient, medications=["anticoagulant"])
    lot = a_lot(draft, injector)
    actions.save_chart(draft, injector, 1, [glabellar_line(lot_id=lot.pk), lip_line()])
    for finding in actions.assess_session(draft)["findings"]:
        if finding["severity"] == "warn":
            actions.acknowledge(
                draft,
                injector,
                finding["code"],
                finding["treatment"],
                finding["site"],
                "Anticoagulant paused by her GP",
            )
    actions.sign_session(draft, injector)
    actions.cosign(draft, physician)
    actions.add_addendum(draft, injector, "Late entry", "Ice applied afterwards.")
    text = text_of(render_pdf(draft))
    for expected in (
        "4 U",
        "20 U",
        "0.5 mL",
        "C1234",
        "BLEEDING_RISK",
        "Anticoagulant paused by her GP",
        "Signed by Ines",
        "Co-signed by Paul",
        "Late entry",
        "Ice applied afterwards.",
    ):
        assert expected in text, expected


def test_a_draft_has_no_printable_chart(draft: Session) -> None:
    with pytest.raises(Conflict):
        render_pdf(draft)
