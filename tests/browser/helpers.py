"""Steps the browser tests share."""

from __future__ import annotations

from playwright.sync_api import Page

# The shared cast's password (tests/conftest.py), typed into the real login form.
PASSWORD = "correct-horse-battery-staple"


def sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login/" not in url)
