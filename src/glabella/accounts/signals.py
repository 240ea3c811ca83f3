"""Sign-ins and sign-outs go to the audit trail too."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.http import HttpRequest

from glabella.accounts.middleware import current_membership
from glabella.audit.actions import record

LOGIN = "login"
LOGOUT = "logout"


def on_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or "REMOTE_ADDR" not in request.META:
        return  # not a sign-in over the network (the test client's force_login)
    membership = current_membership(request)
    record(request, LOGIN, user, clinic=membership.clinic if membership else None)


def on_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and user is not None:
        record(request, LOGOUT, user)


def connect() -> None:
    user_logged_in.connect(on_login, dispatch_uid="glabella.audit.login")
    user_logged_out.connect(on_logout, dispatch_uid="glabella.audit.logout")
