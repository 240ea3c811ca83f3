"""Attach the signed-in user's current clinic and membership to each request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from glabella.accounts.models import Membership

SESSION_KEY = "glabella_clinic_id"


def current_membership(request: HttpRequest) -> Membership | None:
    user = request.user
    if not user.is_authenticated:
        return None
    memberships = Membership.objects.select_related("clinic").filter(user_id=user.pk)
    chosen = request.session.get(SESSION_KEY)
    if chosen is not None:
        membership = memberships.filter(clinic_id=chosen).first()
        if membership is not None:
            return membership
    return memberships.order_by("clinic_id").first()


class ClinicMiddleware:
    """Sets ``request.membership`` and ``request.clinic`` (None when signed out)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership = current_membership(request)
        request.membership = membership  # type: ignore[attr-defined]
        request.clinic = membership.clinic if membership else None  # type: ignore[attr-defined]
        return self.get_response(request)
