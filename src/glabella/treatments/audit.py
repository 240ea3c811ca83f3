"""Audit writes of this app, with or without a request (command line, benchmark)."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest

from glabella.accounts.models import Clinic, User
from glabella.audit.actions import record


def audit(
    request: HttpRequest | None,
    by: User | None,
    verb: str,
    obj: models.Model,
    clinic: Clinic,
    channel: str = "web",
) -> None:
    """One event; without a request, a bare one carries the acting user so it is recorded."""
    if request is None:
        request = HttpRequest()
        if by is not None:
            request.user = by
    record(request, verb, obj, clinic=clinic, channel=channel)
