"""View decorators for the clinic and the role the signed-in user holds in it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from glabella.accounts.models import Membership
from glabella.accounts.roles import Role

View = TypeVar("View", bound=Callable[..., HttpResponse])


def membership_of(request: HttpRequest) -> Membership | None:
    return getattr(request, "membership", None)


def has_role(request: HttpRequest, *roles: Role | str) -> bool:
    membership = membership_of(request)
    return membership is not None and membership.role in {str(role) for role in roles}


def clinic_required(view: View) -> View:
    """Signed in and a member of some clinic; a visitor goes to the login page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if membership_of(request) is None:
            raise PermissionDenied("You are not a member of any clinic.")
        return view(request, *args, **kwargs)

    return cast(View, wrapper)


def require_role(*roles: Role | str) -> Callable[[View], View]:
    """Only members whose role in the current clinic is one of ``roles``; others get 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def check(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not has_role(request, *roles):
                raise PermissionDenied("Your role in this clinic does not allow this.")
            return view(request, *args, **kwargs)

        return clinic_required(cast(View, check))

    return decorator


def ensure_role(request: HttpRequest, *roles: Role | str) -> None:
    """For API endpoints and actions: 403 unless the current role is one of ``roles``."""
    if not has_role(request, *roles):
        raise PermissionDenied("Your role in this clinic does not allow this.")
