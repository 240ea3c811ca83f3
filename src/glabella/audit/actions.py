"""Record audit events; the only writer of :class:`AuditEvent`."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest

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
) -> AuditEvent:
    """Write one audit event: who, clinic, what, which object, when, from where."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    user = getattr(request, "user", None) if request is not None else None
    return AuditEvent.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        clinic=getattr(request, "clinic", None),
        action=action,
        object_type=object_type,
        object_id=object_id,
        ip_address=client_address(request) if request is not None else None,
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:200] if request else ""),
        channel=channel,
    )
