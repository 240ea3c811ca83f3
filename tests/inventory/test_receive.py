from __future__ import annotations

from decimal import Decimal

import pytest
import zxingcpp

from glabella.accounts.models import Clinic, User
from glabella.errors import Conflict, InvalidInput
from glabella.inventory import actions
from glabella.inventory.models import Carton, Lot, ProductCode, StockMovement

from .helpers import BOTOX_GTIN, FAR, FILLER_GTIN, datamatrix_scan, element_string

pytestmark = pytest.mark.django_db


def test_it_receives_stock_from_a_decoded_datamatrix(clinic_a: Clinic, front_desk: User) -> None:
    actions.map_gtin(clinic_a, front_desk, BOTOX_GTIN, "botox_cosmetic")
    scan = datamatrix_scan(f"(01){BOTOX_GTIN}(17){FAR:%y%m%d}(10)C77(21)SN1")
    receipt = actions.receive_scan(clinic_a, front_desk, scan, amount_per_container=Decimal(100))
    lot = Lot.objects.get(pk=receipt.lot.pk)
    assert (lot.product, lot.lot_number, lot.expiry, lot.containers_left) == (
        "botox_cosmetic",
        "C77",
        FAR,
        1,
    )
    assert Carton.objects.get(lot=lot).serial == "SN1"
    movement = StockMovement.objects.get(lot=lot)
    assert (movement.kind, movement.amount) == ("receive", Decimal(100))


def test_it_merges_a_two_symbol_device_label_read_from_images(
    clinic_a: Clinic, front_desk: User
) -> None:
    actions.map_gtin(clinic_a, front_desk, FILLER_GTIN, "juvederm_voluma_xc")
    first = datamatrix_scan(f"(01){FILLER_GTIN}")
    second = datamatrix_scan(f"(17){FAR:%y%m%d}(10)HA-9(21)X1")
    receipt = actions.receive_scan(
        clinic_a, front_desk, f"{first}\n{second}", amount_per_container=Decimal(1)
    )
    assert (receipt.lot.gtin, receipt.lot.lot_number, receipt.reading.serial) == (
        FILLER_GTIN,
        "HA-9",
        "X1",
    )
    assert receipt.lot.unit == "mL"


def test_a_check_digit_invalid_image_is_refused(clinic_a: Clinic, front_desk: User) -> None:
    wrong = BOTOX_GTIN[:-1] + str((int(BOTOX_GTIN[-1]) + 3) % 10)
    # zxing-cpp refuses to encode a bad GTIN in GS1 mode, so the symbol carries plain text.
    image = zxingcpp.create_barcode(
        element_string(wrong, "C1"), zxingcpp.BarcodeFormat.DataMatrix
    ).to_image(scale=4)
    (decoded,) = zxingcpp.read_barcodes(image)
    with pytest.raises(InvalidInput) as caught:
        actions.receive_scan(clinic_a, front_desk, decoded.text, product="botox_cosmetic")
    assert caught.value.code == "GS1_CHECK_DIGIT"
    assert not Lot.objects.exists()


def test_an_unknown_gtin_asks_for_the_product_then_remembers(
    clinic_a: Clinic, front_desk: User
) -> None:
    raw = element_string(BOTOX_GTIN, "L1")
    with pytest.raises(InvalidInput) as caught:
        actions.receive_scan(clinic_a, front_desk, raw)
    assert (caught.value.code, caught.value.field) == ("GTIN_UNKNOWN", "product")
    actions.receive_scan(
        clinic_a, front_desk, raw, product="jeuveau"
    )  # one vial size: no amount needed
    assert ProductCode.objects.get(clinic=clinic_a, gtin=BOTOX_GTIN).product == "jeuveau"
    again = actions.receive_scan(clinic_a, front_desk, element_string(BOTOX_GTIN, "L2"))
    assert again.lot.product == "jeuveau"


def test_the_knowledge_base_gtin_maps_without_asking(clinic_a: Clinic, front_desk: User) -> None:
    raw = element_string("08437027710117", "SC1")
    receipt = actions.receive_scan(clinic_a, front_desk, raw, amount_per_container=Decimal(5))
    assert receipt.lot.product == "sculptra"


def test_receiving_the_same_lot_again_adds_to_it(clinic_a: Clinic, front_desk: User) -> None:
    actions.map_gtin(clinic_a, front_desk, BOTOX_GTIN, "botox_cosmetic")
    raw = element_string(BOTOX_GTIN, "L1")
    actions.receive_scan(clinic_a, front_desk, raw, containers=2, amount_per_container=Decimal(50))
    actions.receive_scan(clinic_a, front_desk, raw, containers=3, amount_per_container=Decimal(50))
    lot = Lot.objects.get()
    assert (lot.containers_received, lot.containers_left) == (5, 5)


def test_a_serialised_carton_is_received_once(clinic_a: Clinic, front_desk: User) -> None:
    actions.map_gtin(clinic_a, front_desk, BOTOX_GTIN, "botox_cosmetic")
    raw = element_string(BOTOX_GTIN, "L1", serial="S1")
    actions.receive_scan(clinic_a, front_desk, raw, amount_per_container=Decimal(100))
    with pytest.raises(Conflict) as caught:
        actions.receive_scan(clinic_a, front_desk, raw, amount_per_container=Decimal(100))
    assert caught.value.code == "SERIAL_RECEIVED"


def test_a_vial_size_the_product_does_not_come_in_is_refused(
    clinic_a: Clinic, front_desk: User
) -> None:
    actions.map_gtin(clinic_a, front_desk, BOTOX_GTIN, "botox_cosmetic")
    with pytest.raises(InvalidInput) as caught:
        actions.receive_scan(
            clinic_a,
            front_desk,
            element_string(BOTOX_GTIN, "L1"),
            amount_per_container=Decimal(300),
        )
    assert "50, 100 U" in caught.value.message


def test_a_multi_size_toxin_asks_for_the_vial_size(clinic_a: Clinic, front_desk: User) -> None:
    actions.map_gtin(clinic_a, front_desk, BOTOX_GTIN, "botox_cosmetic")
    with pytest.raises(InvalidInput) as caught:
        actions.receive_scan(clinic_a, front_desk, element_string(BOTOX_GTIN, "L1"))
    assert caught.value.field == "amount_per_container"


def test_manual_entry_goes_through_the_same_checks(clinic_a: Clinic, front_desk: User) -> None:
    raw = actions.manual_element_string(BOTOX_GTIN, FAR, "M1", "")
    receipt = actions.receive_scan(clinic_a, front_desk, raw, product="jeuveau")
    assert receipt.lot.lot_number == "M1"
