from __future__ import annotations

import random
from decimal import Decimal

import pytest

from glabella.accounts.models import Clinic, User
from glabella.inventory import queries

from .helpers import (
    chart_and_sign,
    filler_line,
    open_vial,
    patient,
    receive_botox,
    receive_filler,
    toxin_line,
)

pytestmark = pytest.mark.django_db


def test_recall_returns_exactly_the_exposed_patients(
    clinic_a: Clinic, clinic_b: Clinic, injector: User, injector_b: User
) -> None:
    rng = random.Random(5)
    vials = {
        name: open_vial(clinic_a, injector, receive_botox(clinic_a, injector, lot=name))
        for name in ["TOX-A", "TOX-B"]
    }
    filler = receive_filler(clinic_a, injector, lot="TOX-A-F", syringes=20)
    exposed: dict[str, set[int]] = {"TOX-A": set(), "TOX-B": set(), "TOX-A-F": set()}
    units: dict[int, Decimal] = {}
    for i in range(12):
        p = patient(clinic_a, f"Patient{i}", email=f"p{i}@example.org")
        lot = rng.choice(["TOX-A", "TOX-B", "TOX-A-F"])
        if lot == "TOX-A-F":
            chart_and_sign(p, injector, [filler_line(filler, [0.5])])
        else:
            dose = rng.choice([2, 4])
            chart_and_sign(p, injector, [toxin_line(vials[lot], [dose])])
            units[p.pk] = Decimal(dose)
        exposed[lot].add(p.pk)
    # Same lot number in another clinic: never part of clinic A's recall.
    other = open_vial(clinic_b, injector_b, receive_botox(clinic_b, injector_b, lot="TOX-A"))
    chart_and_sign(patient(clinic_b, "Foreign"), injector_b, [toxin_line(other, [4])])

    rows = queries.recall(clinic_a, "TOX-A")
    assert {r.patient_id for r in rows} == exposed["TOX-A"]
    assert all(r.amount == units[r.patient_id] and r.unit == "U" for r in rows)
    assert all(r.email.endswith("@example.org") and r.injector for r in rows)
    assert {r.patient_id for r in queries.recall(clinic_a, "TOX-A-F")} == exposed["TOX-A-F"]
    assert queries.recall(clinic_a, "NOPE") == []


def test_a_draft_session_is_not_a_recall_exposure(clinic_a: Clinic, injector: User) -> None:
    from glabella.treatments.actions.charting import create_session, save_chart

    vial = open_vial(clinic_a, injector, receive_botox(clinic_a, injector, lot="D1"))
    session = create_session(patient(clinic_a), injector)
    save_chart(session, injector, session.version, [toxin_line(vial, [4])])
    assert queries.recall(clinic_a, "D1") == []
