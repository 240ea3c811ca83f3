"""Sessions and plans in the Django admin: read-only.

Every write goes through the actions (validation, optimistic locking, audit); a signed
session never changes at all. The admin is for superusers looking, not editing.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from glabella.treatments.models import (
    Acknowledgement,
    Addendum,
    CoSignature,
    InjectionPoint,
    Plan,
    Session,
    TreatmentLine,
)


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Session)
class SessionAdmin(ReadOnly):
    list_display = ["id", "clinic", "patient", "injector", "status", "version", "signed_at"]
    list_filter = ["status", "clinic"]
    date_hierarchy = "created_at"


@admin.register(Plan)
class PlanAdmin(ReadOnly):
    list_display = ["id", "clinic", "patient", "created_by", "status", "created_at"]


for model in (TreatmentLine, InjectionPoint, Acknowledgement, Addendum, CoSignature):
    admin.site.register(model, ReadOnly)
