"""GET /api/v1/audit: the clinic's audit trail for clinic admins."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Query, Router, Schema

from glabella.accounts.permissions import ensure_role
from glabella.accounts.roles import Role
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit import queries
from glabella.audit.models import AuditEvent

router = Router(tags=["audit"])


class AuditQuery(Schema):
    user: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    since: date | None = None
    until: date | None = None
    limit: int = 50
    offset: int = 0


class AuditEventOut(Schema):
    id: int
    at: datetime
    user: str | None
    action: str
    object_type: str
    object_id: str
    ip_address: str | None
    channel: str


class AuditPage(Schema):
    count: int
    items: list[AuditEventOut]


def as_out(event: AuditEvent) -> AuditEventOut:
    return AuditEventOut(
        id=event.pk,
        at=event.at,
        user=event.user.username if event.user else None,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        ip_address=event.ip_address,
        channel=event.channel,
    )


@router.get("", response=AuditPage)
def list_events(request: HttpRequest, params: Query[AuditQuery]) -> AuditPage:
    ensure_role(request, Role.ADMIN)
    wanted = queries.AuditFilter(
        user=params.user,
        action=params.action,
        object_type=params.object_type,
        object_id=params.object_id,
        since=params.since,
        until=params.until,
    )
    found = queries.events(current_clinic(request), wanted)
    limit = max(1, min(params.limit, 500))
    offset = max(0, params.offset)
    items = [as_out(event) for event in found[offset : offset + limit]]
    return AuditPage(count=found.count(), items=items)


@router.get("/{int:event_id}", response=AuditEventOut)
def get_event(request: HttpRequest, event_id: int) -> AuditEventOut:
    ensure_role(request, Role.ADMIN)
    return as_out(
        get_scoped_or_404(AuditEvent.objects.select_related("user"), request, pk=event_id)
    )
