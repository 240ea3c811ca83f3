"""Eight injectors sign at once against one 100 U vial: it never over-draws."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Sum

from glabella.accounts.models import Clinic, Membership, User
from glabella.accounts.roles import Role
from glabella.errors import DomainError
from glabella.inventory.models import StockMovement, Vial

from .helpers import open_vial, patient, receive_botox, toxin_line

THREADS = 8
DOSE = [4, 4, 4, 4]  # 16 U a session: six fit in 100 U, the last two must be refused


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_signings_never_overdraw_one_vial() -> None:
    from glabella.treatments.actions.charting import create_session, save_chart
    from glabella.treatments.flows import sign_session

    clinic = Clinic.objects.create(name="Race", slug="race")
    user = User.objects.create_user(username="racer", password="x" * 12)
    Membership.objects.create(user=user, clinic=clinic, role=Role.INJECTOR.value)
    vial = open_vial(clinic, user, receive_botox(clinic, user, vials=1))
    sessions = []
    for i in range(THREADS):
        session = create_session(patient(clinic, f"Racer{i}"), user)
        save_chart(session, user, session.version, [toxin_line(vial, DOSE)])
        sessions.append(session)
    start = threading.Barrier(THREADS)

    def sign(index: int) -> str:
        try:
            start.wait()
            sign_session(sessions[index], user)
            return "signed"
        except DomainError as error:
            return error.code
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        outcomes = list(pool.map(sign, range(THREADS)))

    vial.refresh_from_db()
    administered = StockMovement.objects.filter(vial=vial, kind="administer").aggregate(
        total=Sum("amount")
    )["total"]
    assert outcomes.count("signed") == 6
    assert outcomes.count("VIAL_INSUFFICIENT") == 2
    assert vial.units_left == Decimal(4) >= 0
    assert -administered == Decimal(96) == vial.units_total - vial.units_left
    assert Vial.objects.get(pk=vial.pk).units_left >= 0
