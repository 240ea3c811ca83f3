"""A user of clinic A gets 404 for every object of clinic B, on every route, by URL or API.

The routes come from the URL conf, so a new route is covered the day it is added; its
path arguments must be registered in ``tests/tenancy/factories.py``.
"""

from __future__ import annotations

import json

import pytest
from django.http import HttpResponse
from django.test import Client

from glabella.accounts.models import Clinic, Membership, User
from glabella.accounts.roles import Role
from glabella.audit.actions import READ
from glabella.audit.models import AuditEvent

from .factories import CONTROL_EXEMPT, FACTORIES, GLOBAL_KWARGS, NOT_PATIENT_DATA
from .routes import Route, routes_with_arguments

PAGE_METHODS = ["get", "post"]
API_METHODS = ["get", "post", "put", "patch", "delete"]
ROUTES = routes_with_arguments()


def missing_factories(route: Route) -> list[str]:
    return [a for a in route.arguments if a not in FACTORIES and a not in GLOBAL_KWARGS]


def url_in(route: Route, clinic: Clinic) -> str:
    values = {
        name: GLOBAL_KWARGS[name] if name in GLOBAL_KWARGS else str(FACTORIES[name](clinic).pk)
        for name in route.arguments
    }
    return route.url(values)


def send(client: Client, method: str, url: str, api: bool) -> HttpResponse:
    if api and method != "get":
        return getattr(client, method)(url, data="{}", content_type="application/json")  # type: ignore[no-any-return]
    return getattr(client, method)(url)  # type: ignore[no-any-return]


def is_validation_error(response: HttpResponse) -> bool:
    """The API rejected the body before the view ran (so nothing was looked up or written)."""
    if response.status_code != 422:
        return False
    return "errors" in json.loads(response.content)


def denial_ok(response: HttpResponse, api: bool, method: str) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    return api and method != "get" and is_validation_error(response)


@pytest.fixture
def cast_a(injector: User, physician: User, front_desk: User, admin_user: User) -> list[User]:
    return [injector, physician, front_desk, admin_user]


@pytest.fixture
def cast_b(clinic_b: Clinic, injector_b: User) -> list[User]:
    others = [member_of(clinic_b, role) for role in (Role.PHYSICIAN, Role.FRONT_DESK, Role.ADMIN)]
    return [injector_b, *others]


def member_of(clinic: Clinic, role: Role) -> User:
    # No password: these users only ever sign in with force_login, and hashing is slow.
    user = User.objects.create(username=f"{role.value}_of_{clinic.slug}")
    Membership.objects.create(user=user, clinic=clinic, role=role.value)
    return user


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_walk_finds_pages_and_api_routes() -> None:
    patterns = {route.pattern for route in ROUTES}
    assert "audit/<int:event_id>/" in patterns
    assert "api/v1/audit/<int:event_id>" in patterns


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.pattern)
def test_clinic_a_gets_404_for_every_object_of_clinic_b(
    route: Route, clinic_b: Clinic, cast_a: list[User], cast_b: list[User]
) -> None:
    missing = missing_factories(route)
    assert not missing, (
        f"Route {route.pattern!r} takes {missing}, which tests/tenancy/factories.py does not "
        "know. Add a factory to FACTORIES (or a value to GLOBAL_KWARGS for clinic-independent "
        "arguments) so the cross-clinic test covers this route."
    )
    url = url_in(route, clinic_b)
    methods = API_METHODS if route.is_api else PAGE_METHODS
    seen: dict[tuple[str, str], int] = {}
    for user in cast_a:
        client = signed_in(user)
        for method in methods:
            response = send(client, method, url, route.is_api)
            seen[(user.username, method)] = response.status_code
            assert denial_ok(response, route.is_api, method), (
                f"{method.upper()} {url} as {user.username} of clinic A answered "
                f"{response.status_code}; an object of clinic B must answer 404."
            )
    assert 404 in seen.values(), f"No user of clinic A reached the object lookup: {seen}"
    check_owner_can_reach(route, url, cast_b)


def check_owner_can_reach(route: Route, url: str, cast_b: list[User]) -> None:
    """Clinic B's own users do not get 404, so the denial above was not a wrong URL."""
    if route.pattern in CONTROL_EXEMPT:
        return
    statuses = []
    for user in cast_b:
        before = AuditEvent.objects.count()
        response = signed_in(user).get(url)
        statuses.append(response.status_code)
        if response.status_code == 200:
            check_read_audited(route, url, before)
    assert set(statuses) != {404}, f"Clinic B's own users get 404 at {url}: is the URL right?"


def check_read_audited(route: Route, url: str, before: int) -> None:
    if set(route.arguments) <= NOT_PATIENT_DATA:
        return
    new = AuditEvent.objects.order_by("pk")[before:]
    assert any(event.action == READ for event in new), (
        f"GET {url} showed patient data without a 'read' audit event; call "
        "glabella.audit.actions.record(request, READ, obj) in the view."
    )


def test_a_route_with_an_unregistered_argument_is_reported() -> None:
    route = Route(pattern="api/v1/widgets/<int:widget_id>", name="widget")
    assert missing_factories(route) == ["widget_id"]
    assert route.url({"widget_id": "7"}) == "/api/v1/widgets/7"
