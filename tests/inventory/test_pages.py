from __future__ import annotations

import pytest
from django.test import Client

from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent
from glabella.inventory.models import Lot, ProductCode, StockMovement, Vial

from .helpers import (
    BOTOX_GTIN,
    FAR,
    chart_and_sign,
    datamatrix_scan,
    open_vial,
    patient,
    receive_botox,
    toxin_line,
)

pytestmark = pytest.mark.django_db


def test_the_receive_page_has_a_scan_field_and_camera_script(client_a: Client) -> None:
    page = client_a.get("/inventory/receive/").content.decode()
    assert "data-gs1-scan" in page and "inventory/scan.js" in page
    assert "zxing-library.min.js" in page


def test_a_scanned_carton_is_received_from_the_page(client_a: Client, clinic_a: Clinic) -> None:
    scan = datamatrix_scan(f"(01){BOTOX_GTIN}(17){FAR:%y%m%d}(10)PAGE1")
    response = client_a.post(
        "/inventory/receive/",
        {"scan": scan, "containers": "2", "product": "botox_cosmetic", "amount": "100"},
    )
    assert response.status_code == 302
    assert Lot.objects.get(clinic=clinic_a, lot_number="PAGE1").containers_left == 2
    assert ProductCode.objects.filter(clinic=clinic_a, gtin=BOTOX_GTIN).exists()


def test_an_unknown_gtin_asks_which_product_it_is(client_a: Client) -> None:
    response = client_a.post("/inventory/receive/", {"scan": f"(01){BOTOX_GTIN}(17)301231(10)Q"})
    assert response.status_code == 422
    assert "which product is it?" in response.content.decode()


def test_a_malformed_scan_says_why(client_a: Client) -> None:
    response = client_a.post("/inventory/receive/", {"scan": f"01{BOTOX_GTIN}17301341" + "10X"})
    assert response.status_code == 422
    assert "AI (17)" in response.content.decode()


def test_manual_entry_receives_too(client_a: Client, clinic_a: Clinic) -> None:
    response = client_a.post(
        "/inventory/receive/",
        {"gtin": BOTOX_GTIN, "expiry": FAR.isoformat(), "lot": "HAND1", "product": "jeuveau"},
    )
    assert response.status_code == 302
    assert Lot.objects.get(clinic=clinic_a).lot_number == "HAND1"


def test_a_vial_is_reconstituted_and_discarded_from_the_stock_page(
    client_a: Client, clinic_a: Clinic, injector: User
) -> None:
    lot = receive_botox(clinic_a, injector)
    client_a.post(f"/inventory/lots/{lot.pk}/reconstitute/", {"diluent_ml": "2.5"})
    vial = Vial.objects.get(lot=lot)
    page = client_a.get("/inventory/").content.decode()
    assert "4 U / 0.1 mL" in page and "data-countdown" in page
    client_a.post(f"/inventory/vials/{vial.pk}/discard/", {})
    assert StockMovement.objects.get(vial=vial, kind="waste").amount == -100


def test_the_recall_page_lists_patients_and_downloads_csv(
    client_a: Client, clinic_a: Clinic, injector: User
) -> None:
    vial = open_vial(clinic_a, injector, receive_botox(clinic_a, injector, lot="RCL"))
    chart_and_sign(patient(clinic_a, "Exposed"), injector, [toxin_line(vial, [4])])
    page = client_a.get("/inventory/recall/", {"lot": "RCL"}).content.decode()
    assert "Exposed, Jo" in page
    scanned = client_a.get("/inventory/recall/", {"lot": f"(01){BOTOX_GTIN}(17)200101(10)RCL"})
    assert "Exposed, Jo" in scanned.content.decode()
    csv = client_a.get("/inventory/recall.csv", {"lot": "RCL"})
    assert csv["Content-Type"].startswith("text/csv")
    assert "Exposed, Jo" in csv.content.decode()
    assert AuditEvent.objects.filter(object_type="inventory.recall", action="read").count() == 3


def test_the_dashboard_shows_usage_and_serves_the_plot_as_svg(
    client_a: Client, clinic_a: Clinic, injector: User
) -> None:
    vial = open_vial(clinic_a, injector, receive_botox(clinic_a, injector))
    chart_and_sign(patient(clinic_a), injector, [toxin_line(vial, [4, 4])])
    page = client_a.get("/inventory/dashboard/").content.decode()
    assert "usage.svg" in page and "botox_cosmetic" in page
    plot = client_a.get("/inventory/dashboard/usage.svg")
    assert plot["Content-Type"] == "image/svg+xml"
    assert plot.content.lstrip().startswith(b"<?xml") and b"<svg" in plot.content
