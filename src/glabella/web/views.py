"""The dashboard: the current clinic at a glance, with a quick patient search."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from glabella.web import queries


@login_required
def home(request: HttpRequest) -> HttpResponse:
    clinic = getattr(request, "clinic", None)
    context = {
        "counts": queries.counts(clinic) if clinic else None,
        "recent_patients": queries.recent_patients(clinic) if clinic else [],
        "recent_days": queries.RECENT_DAYS,
    }
    return render(request, "web/home.html", context)
