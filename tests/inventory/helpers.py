"""Shared builders: GTINs with real check digits, element strings, DataMatrix images, charts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import zxingcpp
from biip import ParseError
from biip.gtin import Gtin
from django.db import transaction

from glabella.accounts.models import Clinic, User
from glabella.inventory import actions
from glabella.inventory.models import Lot, Vial
from glabella.patients.models import Patient

FAR = date.today() + timedelta(days=400)


def gtin(payload: str) -> str:
    """A 14-digit GTIN whose last digit is the correct check digit for ``payload`` (13 digits)."""
    for digit in "0123456789":
        candidate = payload + digit
        try:
            Gtin.parse(candidate)
        except ParseError:
            continue
        return candidate
    raise AssertionError("unreachable")


BOTOX_GTIN = gtin("0088888000100")
FILLER_GTIN = gtin("0088888000200")


def element_string(code: str, lot: str, expiry: date = FAR, serial: str = "") -> str:
    text = f"01{code}17{expiry:%y%m%d}10{lot}"
    return text + (f"\x1d21{serial}" if serial else "")


def datamatrix_scan(hri: str) -> str:
    """Encode ``hri`` as a GS1 DataMatrix image, decode it, and return what a scanner types."""
    image = zxingcpp.create_barcode(hri, zxingcpp.BarcodeFormat.DataMatrix, gs1=True).to_image(
        scale=4
    )
    (result,) = zxingcpp.read_barcodes(image, text_mode=zxingcpp.TextMode.Plain)
    assert result.symbology_identifier == "]d2"
    return result.symbology_identifier + result.text


def receive_botox(clinic: Clinic, user: User | None, lot: str = "C1234", vials: int = 3) -> Lot:
    with transaction.atomic():
        actions.map_gtin(clinic, user, BOTOX_GTIN, "botox_cosmetic")
        raw = element_string(BOTOX_GTIN, lot)
        return actions.receive_scan(
            clinic, user, raw, containers=vials, amount_per_container=Decimal(100)
        ).lot


def receive_filler(clinic: Clinic, user: User | None, lot: str = "F55", syringes: int = 4) -> Lot:
    actions.map_gtin(clinic, user, FILLER_GTIN, "juvederm_ultra_xc")
    raw = element_string(FILLER_GTIN, lot)
    return actions.receive_scan(
        clinic, user, raw, containers=syringes, amount_per_container=Decimal(1)
    ).lot


def open_vial(clinic: Clinic, user: User | None, lot: Lot) -> Vial:
    with transaction.atomic():
        return actions.reconstitute_vial(clinic, user, lot, Decimal("2.5"))


def patient(clinic: Clinic, family: str = "Doe", email: str = "") -> Patient:
    from glabella.patients.actions import register_patient

    p = register_patient(
        clinic, family_name=family, given_name="Jo", birth_date="1985-02-03", sex="female"
    )
    if email:
        Patient.objects.filter(pk=p.pk).update(email=email)
    return p


def toxin_line(vial: Vial, units: Sequence[float]) -> dict[str, Any]:
    sites = ["procerus", "corrugator_l", "corrugator_l", "corrugator_r", "corrugator_r"]
    return {
        "product": "botox_cosmetic",
        "indication": "glabellar_lines",
        "vial_id": vial.pk,
        "points": [
            {"site": sites[i % len(sites)], "units": u, "depth": "intramuscular"}
            for i, u in enumerate(units)
        ],
    }


def filler_line(lot: Lot, volumes: Sequence[float]) -> dict[str, Any]:
    sites = ["nasolabial_fold_l", "nasolabial_fold_r"]
    return {
        "product": "juvederm_ultra_xc",
        "indication": "nasolabial_folds",
        "lot_id": lot.pk,
        "points": [
            {"site": sites[i % 2], "volume_ml": v, "depth": "subdermal"}
            for i, v in enumerate(volumes)
        ],
    }


def chart_and_sign(p: Patient, injector: User, lines: list[dict[str, Any]]) -> Any:
    from glabella.treatments.actions.charting import create_session, save_chart
    from glabella.treatments.flows import sign_session

    session = create_session(p, injector)
    save_chart(session, injector, session.version, lines)
    return sign_session(session, injector)
