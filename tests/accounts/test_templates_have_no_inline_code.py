"""The CSP forbids inline code, so no template may contain any: scripts come from files."""

from __future__ import annotations

import re
from pathlib import Path

import glabella

SOURCE = Path(glabella.__file__).parent
SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.S | re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.S | re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
JAVASCRIPT_URL = re.compile(r"""=\s*["']?\s*javascript:""", re.I)
DATA_TYPE = re.compile(r"""type\s*=\s*["']application/(ld\+)?json["']""", re.I)
COMMENTS = re.compile(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}|<!--.*?-->", re.S)


def templates() -> list[Path]:
    return sorted(path for path in SOURCE.rglob("templates/**/*.html"))


def problems_in(source: str) -> list[str]:
    text = COMMENTS.sub("", source)  # comments never reach the browser as code
    found = [
        "inline <script>"
        for match in SCRIPT.finditer(text)
        if match["body"].strip() and not DATA_TYPE.search(match["attrs"])
    ]
    checks = [
        (HANDLER, "on*= event handler"),
        (STYLE_ATTRIBUTE, "style= attribute"),
        (STYLE_ELEMENT, "<style> element"),
        (JAVASCRIPT_URL, "javascript: URL"),
    ]
    found += [label for pattern, label in checks if pattern.search(text)]
    return found


def test_the_scan_finds_the_templates() -> None:
    names = {path.name for path in templates()}
    assert {"login.html", "locked_out.html", "event_list.html"} <= names


def test_the_scan_catches_each_kind_of_inline_code() -> None:
    assert problems_in("<script>alert(1)</script>") == ["inline <script>"]
    assert problems_in('<button onclick="go()">') == ["on*= event handler"]
    assert problems_in('<p style="color: red">') == ["style= attribute"]
    assert problems_in("<style>p {}</style>") == ["<style> element"]
    assert problems_in('<a href="javascript:go()">') == ["javascript: URL"]
    assert problems_in('<script src="/static/app.js" defer></script>') == []
    assert problems_in('<script type="application/json" id="x">{"a": 1}</script>') == []
    assert problems_in("{# no <style> here #}<!-- nor <script>x()</script> -->") == []


def test_no_template_contains_inline_code() -> None:
    offenders = {
        str(path.relative_to(SOURCE)): problems
        for path in templates()
        if (problems := problems_in(path.read_text()))
    }
    assert not offenders, (
        f"Inline code is blocked by the CSP; move it to a static file: {offenders}"
    )
