"""The clinic's GTIN table: list, change the product (validated), remove after confirming."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import signed_in
from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent
from glabella.inventory import actions
from glabella.inventory.models import ProductCode

from .helpers import BOTOX_GTIN, FILLER_GTIN

pytestmark = pytest.mark.django_db


@pytest.fixture
def code(clinic_a: Clinic) -> ProductCode:
    return actions.map_gtin(clinic_a, None, BOTOX_GTIN, "botox_cosmetic")


def test_the_list_shows_only_this_clinics_codes(
    clinic_a: Clinic, clinic_b: Clinic, code: ProductCode, client_a: Client
) -> None:
    actions.map_gtin(clinic_b, None, FILLER_GTIN, "juvederm_ultra_xc")
    page = client_a.get("/inventory/product-codes/").content.decode()
    assert BOTOX_GTIN in page and "botox_cosmetic" in page
    assert FILLER_GTIN not in page
    assert f'href="/inventory/product-codes/{code.pk}/"' in page
    assert f'href="/inventory/product-codes/{code.pk}/remove/"' in page


def test_the_inventory_pages_link_the_gtin_table(client_a: Client) -> None:
    for url in ("/inventory/", "/inventory/receive/", "/inventory/recall/"):
        assert 'href="/inventory/product-codes/"' in client_a.get(url).content.decode()


def test_changing_the_product_is_saved_and_audited(code: ProductCode, physician: User) -> None:
    response = signed_in(physician).post(
        f"/inventory/product-codes/{code.pk}/", {"product": "xeomin"}
    )
    assert response.status_code == 302
    code.refresh_from_db()
    assert code.product == "xeomin" and code.created_by == physician
    assert AuditEvent.objects.filter(
        action="update", object_type="inventory.productcode", object_id=str(code.pk)
    ).exists()


def test_an_unknown_product_is_refused_naming_close_ids(
    code: ProductCode, client_a: Client
) -> None:
    response = client_a.post(f"/inventory/product-codes/{code.pk}/", {"product": "botx"})
    page = response.content.decode()
    assert response.status_code == 422
    assert "No product &#x27;botx&#x27;" in page
    assert "Closest ids:" in page and "botox_cosmetic" in page
    code.refresh_from_db()
    assert code.product == "botox_cosmetic"
    assert not AuditEvent.objects.filter(action="update").exists()


def test_with_nothing_close_the_message_lists_the_known_ids(
    code: ProductCode, client_a: Client
) -> None:
    page = client_a.post(f"/inventory/product-codes/{code.pk}/", {"product": "qqqqq"})
    text = page.content.decode()
    assert "Known ids:" in text and "xeomin" in text and "radiesse" in text


def test_removing_asks_first_then_deletes_on_post(code: ProductCode, admin_user: User) -> None:
    client = signed_in(admin_user)
    confirm = client.get(f"/inventory/product-codes/{code.pk}/remove/")
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.content.decode()
    assert ProductCode.objects.filter(pk=code.pk).exists()

    response = client.post(f"/inventory/product-codes/{code.pk}/remove/")
    assert response["Location"] == "/inventory/product-codes/"
    assert not ProductCode.objects.filter(pk=code.pk).exists()
    assert AuditEvent.objects.filter(
        action="delete", object_type="inventory.productcode", object_id=str(code.pk)
    ).exists()


def test_front_desk_cannot_and_another_clinic_gets_404(
    clinic_b: Clinic, code: ProductCode, front_desk: User, client_a: Client
) -> None:
    desk = signed_in(front_desk)
    assert desk.get("/inventory/product-codes/").status_code == 403
    assert desk.post(f"/inventory/product-codes/{code.pk}/remove/").status_code == 403
    assert 'href="/inventory/product-codes/"' not in desk.get("/inventory/").content.decode()
    foreign = actions.map_gtin(clinic_b, None, FILLER_GTIN, "juvederm_ultra_xc")
    assert client_a.post(f"/inventory/product-codes/{foreign.pk}/remove/").status_code == 404
    assert (
        client_a.post(f"/inventory/product-codes/{foreign.pk}/", {"product": "xeomin"}).status_code
        == 404
    )
    foreign.refresh_from_db()
    assert foreign.product == "juvederm_ultra_xc"
    assert ProductCode.objects.filter(pk=code.pk).exists()
