from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone

from glabella.accounts.models import Clinic, User
from glabella.errors import DomainError
from glabella.inventory.models import Lot, StockMovement, Vial

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


def test_signing_deducts_exactly_what_was_charted_from_the_vial(
    clinic_a: Clinic, injector: User
) -> None:
    vial = open_vial(clinic_a, injector, receive_botox(clinic_a, injector))
    session = chart_and_sign(patient(clinic_a), injector, [toxin_line(vial, [4, 4, 4, 4, 4])])
    vial.refresh_from_db()
    assert vial.units_left == Decimal(80)
    movement = StockMovement.objects.get(kind="administer")
    assert (movement.amount, movement.vial_id) == (Decimal(-20), vial.pk)
    assert movement.treatment_line.session_id == session.pk  # type: ignore[union-attr]


def test_one_vial_serves_several_patients(clinic_a: Clinic, injector: User) -> None:
    vial = open_vial(clinic_a, injector, receive_botox(clinic_a, injector))
    for name in ["One", "Two", "Three"]:
        chart_and_sign(patient(clinic_a, name), injector, [toxin_line(vial, [4, 4, 4, 4, 4])])
    vial.refresh_from_db()
    assert vial.units_left == Decimal(40)


def test_signing_refuses_more_than_the_vial_holds_and_stays_a_draft(
    clinic_a: Clinic, injector: User
) -> None:
    vial = open_vial(clinic_a, injector, receive_botox(clinic_a, injector))
    Vial.objects.filter(pk=vial.pk).update(units_left=Decimal(10))
    with pytest.raises(DomainError) as caught:
        chart_and_sign(patient(clinic_a), injector, [toxin_line(vial, [4, 4, 4, 4, 4])])
    assert caught.value.code == "VIAL_INSUFFICIENT"
    assert "10 U left" in caught.value.message
    assert Vial.objects.get(pk=vial.pk).units_left == Decimal(10)
    assert not StockMovement.objects.filter(kind="administer").exists()


def test_a_vial_beyond_use_is_refused(clinic_a: Clinic, injector: User) -> None:
    vial = open_vial(clinic_a, injector, receive_botox(clinic_a, injector))
    past = timezone.now() - timedelta(hours=30)
    Vial.objects.filter(pk=vial.pk).update(reconstituted_at=past, beyond_use_at=past)
    with pytest.raises(DomainError) as caught:
        chart_and_sign(patient(clinic_a), injector, [toxin_line(vial, [4])])
    assert "VIAL_BEYOND_USE" in f"{caught.value.code} {caught.value.message}"
    assert Vial.objects.get(pk=vial.pk).units_left == Decimal(100)


def test_an_expired_lot_is_refused(clinic_a: Clinic, injector: User) -> None:
    lot = receive_filler(clinic_a, injector)
    Lot.objects.filter(pk=lot.pk).update(expiry=timezone.localdate() - timedelta(days=1))
    with pytest.raises(DomainError) as caught:
        chart_and_sign(patient(clinic_a), injector, [filler_line(lot, [0.5])])
    assert "LOT_EXPIRED" in f"{caught.value.code} {caught.value.message}"


def test_filler_uses_whole_syringes_and_wastes_the_rest(clinic_a: Clinic, injector: User) -> None:
    lot = receive_filler(clinic_a, injector, syringes=4)
    chart_and_sign(patient(clinic_a), injector, [filler_line(lot, [0.6, 0.8])])
    lot.refresh_from_db()
    assert lot.containers_left == 2
    amounts = dict(
        StockMovement.objects.filter(lot=lot).values_list("kind").annotate(Sum("amount"))
    )
    assert amounts == {
        "receive": Decimal(4),
        "administer": Decimal("-1.4"),
        "waste": Decimal("-0.6"),
    }


def test_the_ledger_equals_what_is_left(clinic_a: Clinic, injector: User) -> None:
    lot = receive_botox(clinic_a, injector)
    vial = open_vial(clinic_a, injector, lot)
    chart_and_sign(patient(clinic_a), injector, [toxin_line(vial, [4, 4, 3])])
    lot.refresh_from_db()
    vial.refresh_from_db()
    ledger = StockMovement.objects.filter(lot=lot).aggregate(total=Sum("amount"))["total"]
    assert ledger == lot.containers_left * lot.amount_per_container + vial.units_left
