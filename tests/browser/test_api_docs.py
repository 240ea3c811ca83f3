from __future__ import annotations

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from glabella.accounts.models import User

from .helpers import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_every_route_group_within_the_content_security_policy(
    page: Page, injector: User
) -> None:
    errors: list[str] = []

    def collect(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", collect)
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, injector.username, PASSWORD)
    page.goto("/api/v1/docs")
    expect(page.get_by_role("heading", name="Glabella API")).to_be_visible()
    for group in ("patients", "treatments", "inventory", "assessments"):
        expect(page.locator(f"#operations-tag-{group}")).to_be_visible()
    assert errors == []
