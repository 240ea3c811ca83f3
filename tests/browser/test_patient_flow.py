from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from glabella.accounts.models import User

from .helpers import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def register_patient(page: Page) -> None:
    page.get_by_role("link", name="Patients", exact=True).click()
    page.get_by_role("button", name="Register a patient").click()
    page.get_by_label("Family name").fill("Quartermaine")
    page.get_by_label("Given name").fill("Odile")
    page.get_by_label("Birth date").fill("1984-03-12")
    page.get_by_label("Sex").select_option("female")
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("QUARTERMAINE, Odile")


def find_by_prefix(page: Page, prefix: str) -> None:
    """Type into the dashboard's search box; results arrive by HTMX, without a page load."""
    page.get_by_role("link", name="Home").click()
    page.get_by_label("Name, record number or birth date").press_sequentially(prefix)
    results = page.locator("#quick-search-results")
    expect(results.get_by_role("link", name="QUARTERMAINE, Odile")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/$"))


def test_a_registered_patient_is_found_by_prefix_opened_and_the_read_audited(
    page: Page, injector: User, admin_user: User
) -> None:
    sign_in(page, injector.username, PASSWORD)
    register_patient(page)
    find_by_prefix(page, "quart")
    page.locator("#quick-search-results").get_by_role("link", name="QUARTERMAINE, Odile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("QUARTERMAINE, Odile")
    patient_id = re.search(r"/patients/(\d+)/$", page.url)
    assert patient_id is not None

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, admin_user.username, PASSWORD)
    page.get_by_role("link", name="Audit").click()
    reads = page.locator("tbody tr", has_text=f"patients.patient #{patient_id.group(1)}").filter(
        has=page.get_by_role("cell", name="read", exact=True)
    )
    expect(reads.filter(has_text=injector.username).first).to_be_visible()


def test_the_search_box_finds_nothing_from_another_clinic(
    page: Page, injector: User, injector_b: User
) -> None:
    sign_in(page, injector_b.username, PASSWORD)
    register_patient(page)
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, injector.username, PASSWORD)
    page.get_by_label("Name, record number or birth date").press_sequentially("quart")
    expect(page.locator("#quick-search-results")).to_contain_text("No patient matches")
