from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.test import Client

from glabella.accounts.models import User


def test_pages_load_no_inline_script_or_style(client_a: Client) -> None:
    # The Content-Security-Policy forbids both; the page must not depend on them.
    page = client_a.get("/").content.decode()
    assert re.search(r"<script(?![^>]*\bsrc=)", page) is None
    assert "<style" not in page
    assert " style=" not in page
    assert re.search(r"\son[a-z]+=", page) is None


def test_pages_carry_the_csrf_token_for_htmx(client_a: Client) -> None:
    page = client_a.get("/").content.decode()
    assert re.search(r'<meta name="csrf-token" content="[^"]+">', page)


def test_pages_start_with_a_skip_link_to_the_main_content(client_a: Client) -> None:
    page = client_a.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in page
    assert '<main id="main"' in page


def test_an_unknown_address_answers_with_the_not_found_page(client_a: Client) -> None:
    response = client_a.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_server_error_page_renders_without_a_request() -> None:
    # Django renders 500.html with no context when something has already gone wrong.
    page = render_to_string("500.html")
    assert "Something went wrong" in page


def test_a_page_beyond_the_users_role_answers_with_the_forbidden_page(
    front_desk: User,
) -> None:
    client = Client()
    client.force_login(front_desk)
    response = client.get("/audit/")
    assert response.status_code == 403
    assert "You may not open this page" in response.content.decode()
