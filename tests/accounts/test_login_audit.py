from __future__ import annotations

from django.test import Client

from conftest import PASSWORD
from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent


def test_a_sign_in_is_audited_with_the_clinic(injector: User, clinic_a: Clinic) -> None:
    Client().post("/login/", {"username": injector.username, "password": PASSWORD})
    event = AuditEvent.objects.get(action="login")
    assert (event.user, event.clinic, event.ip_address) == (injector, clinic_a, "127.0.0.1")


def test_a_sign_out_is_audited(client_a: Client, injector: User) -> None:
    client_a.post("/logout/")
    assert AuditEvent.objects.get(action="logout").user == injector
