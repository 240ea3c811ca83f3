"""Audit events in the Django admin: visible, never added, changed or deleted."""

from __future__ import annotations

from django.contrib import admin

from glabella.audit.models import AuditEvent
from glabella.read_only_admin import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "clinic", "user", "action", "object_type", "object_id", "ip_address"]
    list_filter = ["action", "channel", "clinic"]
    search_fields = ["object_type", "object_id", "user__username"]
    date_hierarchy = "at"
