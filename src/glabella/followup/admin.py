"""Admin for clinic follow-up settings (quiet hours, reminder lead); the outbox is read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from glabella.followup.models import FollowupSettings, Message


@admin.register(FollowupSettings)
class FollowupSettingsAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["clinic", "quiet_start", "quiet_end", "timezone", "reminder_lead_hours"]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["pk", "clinic", "kind", "channel", "state", "due_at", "attempts"]
    list_filter = ["state", "kind", "channel"]
    # Content stays out of the list and the form: the outbox page is where staff read it.
    fields = ("clinic", "kind", "channel", "state", "due_at", "attempts", "last_error")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
