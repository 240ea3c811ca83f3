"""Clinic scoping for every read of clinical data.

Every clinical model carries a ``clinic`` foreign key to :class:`~glabella.accounts.models.Clinic`
(child records, such as an injection point, carry it too, copied from their parent, so
one filter scopes them without joins and the tables can be partitioned by clinic).
Views and API endpoints never call ``Model.objects.get(pk=...)`` on clinical data; they
go through these helpers, so an object of another clinic answers 404 exactly like one
that does not exist — the response does not even reveal that it exists.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from glabella.accounts.models import Clinic

M = TypeVar("M", bound=Model)


def current_clinic(request: HttpRequest) -> Clinic:
    """The clinic the request acts in; 404 when there is none (no membership)."""
    clinic: Clinic | None = getattr(request, "clinic", None)
    if clinic is None:
        raise Http404("No clinic")
    return clinic


def scoped(queryset: QuerySet[M], request: HttpRequest) -> QuerySet[M]:
    """Only the rows of the request's clinic."""
    return queryset.filter(clinic=current_clinic(request))


def get_scoped_or_404(model_or_qs: type[M] | QuerySet[M], request: HttpRequest, **lookup: Any) -> M:
    """One object of the request's clinic, or 404 whether it is missing or foreign."""
    queryset = (
        model_or_qs if isinstance(model_or_qs, QuerySet) else model_or_qs._default_manager.all()
    )
    try:
        return scoped(queryset, request).get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        # ValueError/TypeError: a malformed id ("abc" for an integer key) is just "not found".
        raise Http404("Not found") from exc
