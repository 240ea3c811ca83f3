"""Admin for clinics, users and memberships (the Django admin is for superusers only)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from glabella.accounts.models import ApiToken, Clinic, Membership, User


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0


@admin.register(User)
class GlabellaUserAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = [MembershipInline]


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "slug", "timezone", "created_at"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["user", "clinic", "role"]
    list_filter = ["role", "clinic"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Tokens are issued by ``glabella token create``; here they can only be seen or revoked."""

    list_display = ["prefix", "name", "membership", "created_at", "last_used_at", "revoked_at"]
    fields = ["prefix", "name", "membership", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "name", "membership", "created_at", "last_used_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
