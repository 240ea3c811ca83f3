from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent
from glabella.audit.views import PAGE_SIZE


@pytest.fixture
def admin_client(admin_user: User) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


def add(clinic: Clinic, user: User | None = None, **fields: str) -> AuditEvent:
    values = {"action": "read", "object_type": "patients.patient", "object_id": "1", **fields}
    return AuditEvent.objects.create(clinic=clinic, user=user, **values)


def ids(response: object) -> list[int]:
    return [event.pk for event in response.context["page"]]  # type: ignore[attr-defined]


def test_it_shows_the_clinics_events_to_an_admin(
    admin_client: Client, clinic_a: Clinic, clinic_b: Clinic
) -> None:
    mine, theirs = add(clinic_a), add(clinic_b)
    response = admin_client.get("/audit/")
    assert response.status_code == 200
    assert ids(response) == [mine.pk]
    assert theirs.pk not in ids(response)


def test_it_refuses_an_injector(client_a: Client) -> None:
    assert client_a.get("/audit/").status_code == 403


def test_it_sends_a_visitor_to_login(db: None) -> None:
    response = Client().get("/audit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_it_filters_by_user_action_type_and_id(
    admin_client: Client, clinic_a: Clinic, injector: User
) -> None:
    wanted = add(clinic_a, injector, action="update", object_type="patients.patient", object_id="7")
    add(clinic_a, injector, action="read", object_type="patients.patient", object_id="7")
    add(clinic_a, None, action="update", object_type="patients.patient", object_id="7")
    add(clinic_a, injector, action="update", object_type="patients.profile", object_id="7")
    add(clinic_a, injector, action="update", object_type="patients.patient", object_id="8")
    query = {
        "user": injector.username,
        "action": "update",
        "object_type": "patients.patient",
        "object_id": "7",
    }
    assert ids(admin_client.get("/audit/", query)) == [wanted.pk]


def test_it_filters_by_date_range(admin_client: Client, clinic_a: Clinic) -> None:
    when = timezone.now() - timedelta(days=10)
    with mock.patch("django.utils.timezone.now", return_value=when):
        old = add(clinic_a)  # ``at`` is set on insert; events are never updated
    new = add(clinic_a)
    today = timezone.localdate().isoformat()
    assert ids(admin_client.get("/audit/", {"since": today})) == [new.pk]
    until = (when + timedelta(days=1)).date().isoformat()
    assert ids(admin_client.get("/audit/", {"until": until})) == [old.pk]


def test_it_pages_the_results(admin_client: Client, clinic_a: Clinic) -> None:
    for _ in range(PAGE_SIZE + 3):
        add(clinic_a)
    first = admin_client.get("/audit/")
    second = admin_client.get("/audit/", {"page": 2})
    assert len(ids(first)) == PAGE_SIZE
    assert len(ids(second)) == 3
    assert b"Older" in first.content


def test_it_shows_one_event_of_the_clinic(admin_client: Client, clinic_a: Clinic) -> None:
    event = add(clinic_a, object_id="99")
    response = admin_client.get(f"/audit/{event.pk}/")
    assert response.status_code == 200
    assert b"#99" in response.content
