"""The JSON API under /api/v1/: one NinjaAPI, each app adds its router."""

from __future__ import annotations

from ninja import NinjaAPI

api = NinjaAPI(
    title="Glabella API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def register_routers() -> None:
    """Import each app's router here so the OpenAPI document lists every route."""
    # Each app exposes ``router`` in its api.py; add new apps to this list.
    from importlib import import_module

    for module_name, prefix in ROUTERS:
        module = import_module(module_name)
        api.add_router(prefix, module.router)


ROUTERS: list[tuple[str, str]] = [
    # ("glabella.patients.api", "/patients"),
]

register_routers()
