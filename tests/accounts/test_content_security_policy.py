from __future__ import annotations

from django.test import Client


def directives(header: str) -> dict[str, list[str]]:
    parts = [part.strip().split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def test_pages_carry_a_csp_without_inline_scripts(db: None) -> None:
    header = Client().get("/login/")["Content-Security-Policy"]
    policy = directives(header)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in header
    assert "'unsafe-eval'" not in header
    assert policy["object-src"] == ["'none'"]
