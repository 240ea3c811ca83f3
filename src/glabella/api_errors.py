"""JSON error bodies for the API: ``{"error": {"field": ..., "message": ...}}``.

Validation errors name the first failing field as a dotted path inside the request
part it came from (``name``, ``lines.0.units``) and list every error under ``errors``.
Domain errors keep their stable ``code``; their class chooses the status.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from glabella.errors import Conflict, DomainError, InvalidInput, NotFound

DOMAIN_STATUS: list[tuple[type[DomainError], int]] = [
    (InvalidInput, 422),
    (Conflict, 409),
    (NotFound, 404),
    (DomainError, 400),
]


def error_body(message: str, field: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"error": {"field": field, "message": message, **extra}}


def field_path(loc: list[Any] | tuple[Any, ...]) -> str | None:
    """``("body", "payload", "lines", 0, "units")`` → ``"lines.0.units"``."""
    parts = list(loc[1:])
    if loc and loc[0] == "body" and len(parts) > 1:
        parts = parts[1:]  # drop the view's parameter name; clients never see it
    return ".".join(str(part) for part in parts) or None


def domain_status(exc: DomainError) -> int:
    return next(status for kind, status in DOMAIN_STATUS if isinstance(exc, kind))


def install_error_handlers(api: NinjaAPI) -> None:
    def on_validation(request: HttpRequest, exc: Any) -> HttpResponse:
        errors = [
            {"field": field_path(error.get("loc", ())), "message": error.get("msg", "Invalid")}
            for error in exc.errors
        ]
        first = errors[0] if errors else {"field": None, "message": "Invalid request"}
        body = {"error": first, "errors": errors}
        return api.create_response(request, body, status=422)

    def on_domain(request: HttpRequest, exc: Any) -> HttpResponse:
        body = error_body(exc.message, exc.field, code=exc.code)
        return api.create_response(request, body, status=domain_status(exc))

    def on_not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, error_body("Not found"), status=404)

    def on_denied(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, error_body("Forbidden"), status=403)

    def on_auth(request: HttpRequest, exc: Any) -> HttpResponse:
        body = error_body("Authentication required: a session or a bearer token")
        return api.create_response(request, body, status=401)

    def on_http(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, error_body(exc.message), status=exc.status_code)

    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(DomainError, on_domain)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(PermissionDenied, on_denied)
    api.add_exception_handler(AuthenticationError, on_auth)
    api.add_exception_handler(HttpError, on_http)
