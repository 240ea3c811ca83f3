"""Chromium through Playwright, pointed at pytest-django's live server.

Chromium comes from the system (/usr/bin/chromium); Playwright never downloads one.
Locally a missing Chromium skips these tests with a message; with CI=true it fails them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path(os.environ.get("GLABELLA_CHROMIUM", "/usr/bin/chromium"))
# Without the networking flags Chromium keeps calling home, which these machines refuse.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        message = f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium)"
        if in_ci():
            pytest.fail(f"{message}; CI needs the browser tests.", pytrace=False)
        pytest.skip(f"{message} to run the browser tests.")
    # Between calls, Playwright's sync API marks its event loop as running in this thread,
    # and Django then refuses every ORM call from the tests' own fixtures as "async".
    # No async code runs here, so lift that check while the browser is open.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()
