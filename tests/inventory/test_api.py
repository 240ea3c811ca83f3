from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from glabella.accounts.models import Clinic, User
from glabella.inventory.models import Vial

from .helpers import BOTOX_GTIN, FAR, chart_and_sign, open_vial, patient, receive_botox, toxin_line

pytestmark = pytest.mark.django_db


def test_receive_reconstitute_discard_and_recall_through_the_api(
    client_a: Client, clinic_a: Clinic, injector: User
) -> None:
    created = client_a.post(
        "/api/v1/inventory/receive",
        {
            "gs1": f"]d201{BOTOX_GTIN}17{FAR:%y%m%d}10API1\x1d21S1",
            "product": "botox_cosmetic",
            "amount_per_container": "100",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    lot_id = created.json()["lot"]["id"]
    vial = client_a.post(
        f"/api/v1/inventory/lots/{lot_id}/vials",
        {"diluent_ml": "2.5"},
        content_type="application/json",
    )
    assert vial.status_code == 201 and Decimal(vial.json()["units_per_0_1ml"]) == 4
    choices = client_a.get("/api/v1/inventory/charting-choices", {"product": "botox_cosmetic"})
    assert [c["vial_id"] for c in choices.json()] == [vial.json()["id"]]
    chart_and_sign(patient(clinic_a, "Api"), injector, [toxin_line(Vial.objects.get(), [4])])
    recall = client_a.get("/api/v1/inventory/recall", {"lot": "API1"}).json()
    assert [p["patient_name"] for p in recall["patients"]] == ["Api, Jo"]
    discarded = client_a.post(
        f"/api/v1/inventory/vials/{vial.json()['id']}/discard", {}, content_type="application/json"
    )
    assert Decimal(discarded.json()["units_left"]) == 0


def test_a_refused_scan_answers_422_with_the_reason(client_a: Client) -> None:
    response = client_a.post(
        "/api/v1/inventory/receive", {"gs1": "garbage"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "Not a GS1 element string" in response.json()["error"]["message"]


def test_charting_choices_list_open_vials_first_expiring_first(
    clinic_a: Clinic, injector: User
) -> None:
    from glabella.inventory.queries import lots_for_charting

    late = open_vial(clinic_a, injector, receive_botox(clinic_a, injector, lot="LATE"))
    early = open_vial(clinic_a, injector, receive_botox(clinic_a, injector, lot="EARLY"))
    Vial.objects.filter(pk=late.pk).update(beyond_use_at=late.beyond_use_at.replace(year=2099))  # type: ignore[union-attr]
    choices = lots_for_charting(clinic_a, "botox_cosmetic")
    assert [c.vial_id for c in choices] == [early.pk, late.pk]
    assert "U/0.1 mL" in choices[0].label
