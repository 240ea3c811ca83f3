"""Browse the clinic's audit trail (clinic admins only)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from glabella.accounts.permissions import require_role
from glabella.accounts.roles import Role
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit import queries
from glabella.audit.forms import AuditFilterForm
from glabella.audit.models import AuditEvent

PAGE_SIZE = 50


@require_role(Role.ADMIN)
def event_list(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = AuditFilterForm(request.GET or None)
    found = queries.events(clinic, form.to_filter() if form.is_bound else queries.AuditFilter())
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "actions": queries.action_choices(clinic),
        "object_types": queries.object_type_choices(clinic),
    }
    return render(request, "audit/event_list.html", context)


@require_role(Role.ADMIN)
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_scoped_or_404(AuditEvent.objects.select_related("user"), request, pk=event_id)
    return render(request, "audit/event_detail.html", {"event": event})
