"""Every route of the site and the JSON API, read from the URL conf."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

ARGUMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
EXCLUDED_PREFIXES = ("admin/",)  # the Django admin is for superusers only


@dataclass(frozen=True)
class Route:
    pattern: str  # e.g. "api/v1/patients/<int:patient_id>"
    name: str | None

    @property
    def is_api(self) -> bool:
        return self.pattern.startswith("api/")

    @property
    def arguments(self) -> list[str]:
        return [match["name"] for match in ARGUMENT.finditer(self.pattern)]

    def url(self, values: dict[str, str]) -> str:
        return "/" + ARGUMENT.sub(lambda match: values[match["name"]], self.pattern)


def pattern_text(entry: URLPattern | URLResolver) -> str:
    pattern = entry.pattern
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    if isinstance(pattern, RegexPattern) and not re.search(r"[(\[\\]", str(pattern).strip("^$")):
        return str(pattern).strip("^$")  # a plain regex, no groups
    raise AssertionError(
        f"Route {pattern!r} uses a regular expression; use path() so the cross-clinic "
        "test can fill in its arguments."
    )


def walk(entries: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[Route]:
    for entry in entries:
        text = prefix + pattern_text(entry)
        if text.startswith(EXCLUDED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, text)
        else:
            yield Route(pattern=text, name=entry.name)


def all_routes() -> list[Route]:
    return list(walk(get_resolver().url_patterns))


def routes_with_arguments() -> list[Route]:
    """One entry per URL pattern (an API path with GET and POST operations appears once)."""
    unique = {route.pattern: route for route in all_routes() if route.arguments}
    return list(unique.values())
