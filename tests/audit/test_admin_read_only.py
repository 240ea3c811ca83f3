from __future__ import annotations

from django.contrib import admin
from django.test import RequestFactory

from glabella.accounts.models import User
from glabella.audit.models import AuditEvent


def test_the_admin_cannot_add_change_or_delete_events(db: None) -> None:
    model_admin = admin.site._registry[AuditEvent]
    request = RequestFactory().get("/admin/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert model_admin.has_view_permission(request)
