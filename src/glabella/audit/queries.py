"""Reads of the audit trail, always within one clinic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from glabella.accounts.models import Clinic
from glabella.audit.models import AuditEvent


@dataclass(frozen=True)
class AuditFilter:
    user: str = ""  # username, exact
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    since: date | None = None  # inclusive, in the server's time zone
    until: date | None = None  # inclusive


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def events(clinic: Clinic, wanted: AuditFilter) -> QuerySet[AuditEvent]:
    """The clinic's events matching ``wanted``, newest first."""
    qs = AuditEvent.objects.filter(clinic=clinic).select_related("user")
    if wanted.user:
        qs = qs.filter(user__username=wanted.user)
    if wanted.action:
        qs = qs.filter(action=wanted.action)
    if wanted.object_type:
        qs = qs.filter(object_type=wanted.object_type)
    if wanted.object_id:
        qs = qs.filter(object_id=wanted.object_id)
    if wanted.since:
        qs = qs.filter(at__gte=day_start(wanted.since))
    if wanted.until:
        qs = qs.filter(at__lt=day_start(wanted.until + timedelta(days=1)))
    return qs.order_by("-at", "-pk")


def action_choices(clinic: Clinic) -> list[str]:
    values = AuditEvent.objects.filter(clinic=clinic).values_list("action", flat=True)
    return sorted(set(values))


def object_type_choices(clinic: Clinic) -> list[str]:
    values = AuditEvent.objects.filter(clinic=clinic).values_list("object_type", flat=True)
    return sorted(set(values))
