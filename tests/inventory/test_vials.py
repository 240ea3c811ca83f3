from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from glabella.accounts.models import Clinic, User
from glabella.errors import Conflict, InvalidInput
from glabella.inventory import actions
from glabella.inventory.models import Lot, StockMovement
from glabella.knowledge import load_knowledge

from .helpers import element_string, gtin, receive_botox

pytestmark = pytest.mark.django_db


def test_reconstitution_shows_the_concentration_of_the_knowledge_base_table(
    clinic_a: Clinic, injector: User
) -> None:
    lot = receive_botox(clinic_a, injector)
    vial = actions.reconstitute_vial(clinic_a, injector, lot, Decimal("2.5"))
    row = next(
        r for r in load_knowledge().products["botox_cosmetic"].reconstitution if r.vial_units == 100
    )
    assert vial.units_per_0_1ml == Decimal(str(row.units_per_0_1_ml))
    assert vial.concentration_source == row.source
    assert (vial.units_total, vial.units_left) == (Decimal(100), Decimal(100))
    assert Lot.objects.get(pk=lot.pk).containers_left == 2


def test_an_unlisted_dilution_is_computed_and_says_so(clinic_a: Clinic, injector: User) -> None:
    lot = receive_botox(clinic_a, injector)
    vial = actions.reconstitute_vial(clinic_a, injector, lot, Decimal("4"))
    assert vial.units_per_0_1ml == Decimal("2.5")
    assert "not in the knowledge base" in vial.concentration_source


def test_beyond_use_time_comes_from_the_in_use_hours(clinic_a: Clinic, injector: User) -> None:
    lot = receive_botox(clinic_a, injector)
    at = timezone.now()
    vial = actions.reconstitute_vial(clinic_a, injector, lot, Decimal("2.5"), now=at)
    hours = load_knowledge().products["botox_cosmetic"].in_use_hours
    assert hours is not None and hours.value is not None
    assert vial.beyond_use_at == at + timedelta(hours=hours.value)


def test_an_unknown_in_use_time_leaves_beyond_use_open_with_a_note(
    clinic_a: Clinic, injector: User
) -> None:
    code = gtin("0088888000999")
    actions.map_gtin(clinic_a, injector, code, "daxxify")
    lot = actions.receive_scan(
        clinic_a,
        injector,
        element_string(code, "D1"),
        amount_per_container=Decimal(100),
    ).lot
    vial = actions.reconstitute_vial(clinic_a, injector, lot, Decimal("2"))
    assert vial.beyond_use_at is None
    assert vial.beyond_use_note


def test_discarding_records_what_was_left_as_waste(clinic_a: Clinic, injector: User) -> None:
    lot = receive_botox(clinic_a, injector)
    vial = actions.reconstitute_vial(clinic_a, injector, lot, Decimal("2.5"))
    movement = actions.discard_vial(clinic_a, injector, vial, "end of day")
    assert (movement.kind, movement.amount) == ("waste", Decimal(-100))
    vial.refresh_from_db()
    assert vial.units_left == 0 and vial.discarded_at is not None
    with pytest.raises(Conflict):
        actions.discard_vial(clinic_a, injector, vial)


def test_an_empty_lot_has_no_vial_to_open(clinic_a: Clinic, injector: User) -> None:
    lot = receive_botox(clinic_a, injector, vials=1)
    actions.reconstitute_vial(clinic_a, injector, lot, Decimal("2.5"))
    with pytest.raises(Conflict) as caught:
        actions.reconstitute_vial(clinic_a, injector, lot, Decimal("2.5"))
    assert caught.value.code == "LOT_EMPTY"


def test_an_expired_lot_cannot_be_opened(clinic_a: Clinic, injector: User) -> None:
    lot = receive_botox(clinic_a, injector)
    Lot.objects.filter(pk=lot.pk).update(expiry=timezone.localdate() - timedelta(days=1))
    with pytest.raises(InvalidInput) as caught:
        actions.reconstitute_vial(clinic_a, injector, lot, Decimal("2.5"))
    assert caught.value.code == "LOT_EXPIRED"


def test_an_adjustment_needs_a_reason_and_is_ledgered(clinic_a: Clinic, injector: User) -> None:
    lot = receive_botox(clinic_a, injector)
    with pytest.raises(InvalidInput):
        actions.adjust(clinic_a, injector, lot, -1, " ")
    actions.adjust(clinic_a, injector, lot, -1, "dropped vial")
    lot.refresh_from_db()
    assert lot.containers_left == 2
    assert StockMovement.objects.filter(lot=lot, kind="adjust").get().amount == Decimal(-100)
