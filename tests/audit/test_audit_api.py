from __future__ import annotations

from django.test import Client

from glabella.accounts.actions import create_api_token
from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent


def bearer_for(user: User) -> dict[str, str]:
    secret = create_api_token(user.memberships.get()).secret
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_an_admin_lists_the_clinics_events(
    admin_user: User, clinic_a: Clinic, clinic_b: Clinic
) -> None:
    mine = AuditEvent.objects.create(clinic=clinic_a, action="read", object_type="x.y")
    AuditEvent.objects.create(clinic=clinic_b, action="read", object_type="x.y")
    response = Client().get("/api/v1/audit", {"action": "read"}, **bearer_for(admin_user))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["items"][0]["id"] == mine.pk


def test_an_injector_is_refused(injector: User) -> None:
    assert Client().get("/api/v1/audit", **bearer_for(injector)).status_code == 403
