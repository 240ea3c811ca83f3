"""Record audit events; the only writer of :class:`AuditEvent`.

Every view or API endpoint that shows patient data calls ``record(request, READ, obj)``
and every write calls ``record(request, CREATE|UPDATE|DELETE|<verb>, obj)`` — inside the
same transaction as the write, so a rolled-back write leaves no event and a recorded
write cannot lose its event. There is no middleware doing this implicitly: the view
knows which object it showed. Nothing in the application updates or deletes events;
on PostgreSQL a trigger refuses it (migration ``audit.0002``).
"""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest

from glabella.accounts.models import Clinic
from glabella.audit.models import AuditEvent

READ = "read"
CREATE = "create"
UPDATE = "update"
DELETE = "delete"


def client_address(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def record(
    request: HttpRequest | None,
    action: str,
    obj: models.Model | None = None,
    *,
    object_type: str = "",
    object_id: str = "",
    channel: str = "web",
    clinic: Clinic | None = None,
) -> AuditEvent:
    """Write one audit event: who, clinic, what, which object, when, from where.

    Without a request (command line, worker) pass ``clinic`` and ``channel="cli"``.
    """
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    user = getattr(request, "user", None) if request is not None else None
    return AuditEvent.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        clinic=clinic or getattr(request, "clinic", None),
        action=action,
        object_type=object_type,
        object_id=object_id,
        ip_address=client_address(request) if request is not None else None,
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:200] if request else ""),
        channel=channel,
    )
