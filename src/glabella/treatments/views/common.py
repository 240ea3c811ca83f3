"""What every treatments page needs: the scoped objects, the acting user, error messages."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from glabella.accounts.models import Clinic, User
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import READ, record
from glabella.errors import DomainError
from glabella.patients.models import Patient
from glabella.treatments import queries
from glabella.treatments.models import Plan, Session


def acting_user(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise PermissionDenied("Sign in first.")
    return request.user


def load_patient(request: HttpRequest, patient_id: int) -> Patient:
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    if request.method == "GET":
        record(request, READ, patient)
    return patient


def load_session(
    request: HttpRequest,
    session_id: int,
    detail: Callable[[Clinic], QuerySet[Session]] = queries.session_detail,
) -> Session:
    """The session with its lines and points, of the request's clinic; a GET is an audited read.

    ``detail`` is the queryset to read it with; by default everything a chart shows.
    """
    session = get_scoped_or_404(detail(current_clinic(request)), request, pk=session_id)
    if request.method == "GET":
        record(request, READ, session)
    return session


def load_plan(request: HttpRequest, plan_id: int) -> Plan:
    plan = get_scoped_or_404(
        Plan.objects.select_related("patient").prefetch_related("lines"), request, pk=plan_id
    )
    if request.method == "GET":
        record(request, READ, plan)
    return plan


def report(request: HttpRequest, error: DomainError) -> None:
    messages.error(request, error.message)
