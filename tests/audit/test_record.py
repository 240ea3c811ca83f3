from __future__ import annotations

from django.test import RequestFactory

from glabella.accounts.models import Clinic, User
from glabella.audit.actions import READ, record


def test_it_records_who_clinic_what_which_and_from_where(injector: User, clinic_a: Clinic) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.7", HTTP_USER_AGENT="pytest")
    request.user = injector
    request.clinic = clinic_a  # type: ignore[attr-defined]
    event = record(request, READ, clinic_a)
    assert (event.user, event.clinic, event.action) == (injector, clinic_a, "read")
    assert (event.object_type, event.object_id) == ("accounts.clinic", str(clinic_a.pk))
    assert (event.ip_address, event.user_agent, event.channel) == ("10.0.0.7", "pytest", "web")
    assert event.at is not None


def test_it_records_without_a_request_for_the_command_line(clinic_a: Clinic) -> None:
    event = record(None, "create", clinic_a, clinic=clinic_a, channel="cli")
    assert (event.user, event.clinic, event.ip_address) == (None, clinic_a, None)
