"""Authentication for the JSON API: a bearer token, or the browser session with CSRF.

A token is bound to one membership, so a token request acts as that user, in that
clinic, with that role — the same ``request.user``, ``request.membership`` and
``request.clinic`` the session path gets from :class:`ClinicMiddleware`. To act in
another clinic, issue another token (``glabella token create USER --clinic SLUG``).

The bearer check runs first: a token request carries no cookies, so it never meets
the CSRF check, while a session request must send ``X-CSRFToken`` for unsafe methods.
"""

from __future__ import annotations

import hmac

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from glabella.accounts.actions import TOKEN_PREFIX_LENGTH, token_digest
from glabella.accounts.models import ApiToken, User


def find_token(secret: str) -> ApiToken | None:
    candidates = ApiToken.objects.select_related("membership__user", "membership__clinic").filter(
        prefix=secret[:TOKEN_PREFIX_LENGTH], revoked_at__isnull=True
    )
    digest = token_digest(secret)
    for token in candidates:
        if hmac.compare_digest(token.digest, digest) and token.membership.user.is_active:
            return token
    return None


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = find_token(token)
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        membership = found.membership
        request.user = membership.user
        request.membership = membership  # type: ignore[attr-defined]
        request.clinic = membership.clinic  # type: ignore[attr-defined]
        return membership.user


class ClinicSession(SessionAuth):
    """Django's session; unsafe methods need the CSRF token (ninja checks it)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        if user.is_authenticated and getattr(request, "membership", None) is not None:
            return user
        return None


API_AUTH = [BearerToken(), ClinicSession(csrf=True)]
