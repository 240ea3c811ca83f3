from __future__ import annotations

import re

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from glabella.accounts.models import User

from .helpers import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_signing_in_shows_the_clinic_and_the_user_in_the_header(page: Page, injector: User) -> None:
    sign_in(page, injector.username, PASSWORD)
    expect(page.get_by_test_id("current-clinic")).to_have_text("Clinic A")
    expect(page.get_by_test_id("current-user")).to_have_text("Ines Tester")


def test_a_wrong_password_keeps_the_user_on_the_login_page(page: Page, injector: User) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(injector.username)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_test_id("current-user")).to_have_count(0)


def test_the_login_page_breaks_no_content_security_rule(page: Page) -> None:
    errors: list[str] = []

    def collect(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", collect)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/login/")
    page.wait_for_load_state("networkidle")
    assert errors == []


def test_signing_out_returns_to_the_login_page(page: Page, injector: User) -> None:
    sign_in(page, injector.username, PASSWORD)
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login/"))
