"""Adjusting sealed stock from the stock page: signed count, required reason, admins only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from conftest import signed_in
from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent
from glabella.inventory.models import Lot, StockMovement

from .helpers import receive_botox

pytestmark = pytest.mark.django_db


@pytest.fixture
def lot(clinic_a: Clinic) -> Lot:
    return receive_botox(clinic_a, None, lot="ADJ1", vials=3)


@pytest.fixture
def admin(admin_user: User) -> Client:
    return signed_in(admin_user)


def adjustments(lot: Lot) -> list[StockMovement]:
    return list(StockMovement.objects.filter(lot=lot, kind=StockMovement.ADJUST))


def test_a_negative_adjustment_writes_the_ledger_and_the_audit(
    lot: Lot, admin: Client, admin_user: User
) -> None:
    response = admin.post(
        f"/inventory/lots/{lot.pk}/adjust/", {"containers": "-1", "reason": "Vial broken"}
    )
    assert response["Location"] == "/inventory/"
    lot.refresh_from_db()
    assert lot.containers_left == 2
    [movement] = adjustments(lot)
    assert (movement.containers, movement.amount) == (-1, Decimal(-100))
    assert (movement.note, movement.by) == ("Vial broken", admin_user)
    assert AuditEvent.objects.filter(
        action="adjust", object_type="inventory.lot", object_id=str(lot.pk), user=admin_user
    ).exists()
    # The ledger still sums to what is on the shelf.
    total = sum(m.amount for m in StockMovement.objects.filter(lot=lot))
    assert total == lot.amount_per_container * lot.containers_left


def test_a_positive_adjustment_adds_containers(lot: Lot, admin: Client) -> None:
    admin.post(f"/inventory/lots/{lot.pk}/adjust/", {"containers": "+2", "reason": "Stocktake"})
    lot.refresh_from_db()
    assert lot.containers_left == 5
    assert adjustments(lot)[0].amount == Decimal(200)


@pytest.mark.parametrize(
    ("containers", "reason", "shown"),
    [
        ("-1", "  ", "Say why the stock is adjusted."),
        ("two", "Stocktake", "Give a whole number of containers"),
        ("0", "Stocktake", "Adjust by at least one container."),
        ("-4", "Stocktake", "has only 3 left"),
    ],
)
def test_a_refused_adjustment_changes_nothing_and_says_why(
    lot: Lot, admin: Client, containers: str, reason: str, shown: str
) -> None:
    response = admin.post(
        f"/inventory/lots/{lot.pk}/adjust/",
        {"containers": containers, "reason": reason},
        follow=True,
    )
    assert shown in response.content.decode()
    lot.refresh_from_db()
    assert lot.containers_left == 3 and adjustments(lot) == []
    assert not AuditEvent.objects.filter(action="adjust").exists()


def test_only_admins_adjust_and_see_the_form(lot: Lot, admin: Client, client_a: Client) -> None:
    assert (
        'action="/inventory/lots/' + str(lot.pk) + '/adjust/"'
        in admin.get("/inventory/").content.decode()
    )
    assert "/adjust/" not in client_a.get("/inventory/").content.decode()
    response = client_a.post(
        f"/inventory/lots/{lot.pk}/adjust/", {"containers": "-1", "reason": "x"}
    )
    assert response.status_code == 403
    assert adjustments(lot) == []


def test_another_clinics_lot_is_404(clinic_b: Clinic, admin: Client) -> None:
    foreign = receive_botox(clinic_b, None, lot="B1")
    response = admin.post(
        f"/inventory/lots/{foreign.pk}/adjust/", {"containers": "-1", "reason": "x"}
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.containers_left == 3
