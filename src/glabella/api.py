"""The JSON API under /api/v1/: one NinjaAPI, each app adds its router."""

from __future__ import annotations

from ninja import NinjaAPI

from glabella.accounts.api_auth import API_AUTH
from glabella.api_errors import install_error_handlers

api = NinjaAPI(
    title="Glabella API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    # Every route needs a bearer token or a session (with CSRF); see accounts.api_auth.
    auth=API_AUTH,
)
install_error_handlers(api)


def register_routers() -> None:
    """Import each app's router here so the OpenAPI document lists every route."""
    # Each app exposes ``router`` in its api.py; add new apps to this list.
    from importlib import import_module

    for module_name, prefix in ROUTERS:
        module = import_module(module_name)
        api.add_router(prefix, module.router)


ROUTERS: list[tuple[str, str]] = [
    ("glabella.accounts.api", "/account"),
    ("glabella.audit.api", "/audit"),
    ("glabella.patients.api", "/patients"),
    ("glabella.refresh.api", "/refresh"),
    ("glabella.treatments.api", "/treatments"),
    ("glabella.followup.api", "/followup"),
    ("glabella.inventory.api", "/inventory"),
    ("glabella.assessments_api", ""),
]

register_routers()
