"""Signing, acknowledging warnings, addenda, co-signing and the printable chart."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from glabella.accounts.models import User
from glabella.accounts.permissions import require_role
from glabella.accounts.roles import Role
from glabella.accounts.tenancy import current_clinic
from glabella.audit.actions import READ, record
from glabella.errors import DomainError
from glabella.patients.permissions import CLINICAL_DATA_ROLES
from glabella.treatments import actions, queries
from glabella.treatments.forms import AddendumForm
from glabella.treatments.models import Session
from glabella.treatments.views.charting import CHARTING, as_int
from glabella.treatments.views.common import acting_user, load_session, report


@require_role(*CHARTING)
@require_POST
def sign(request: HttpRequest, session_id: int) -> HttpResponse:
    """Store the written reasons for warnings, then sign unless asked only to acknowledge."""
    session = load_session(request, session_id)
    user = acting_user(request)
    try:
        with transaction.atomic():
            stored = acknowledge_all(session, user, request.POST, request)
            if "acknowledge_only" not in request.POST:
                actions.sign_session(
                    session, user, as_int(request.POST.get("version")), request=request
                )
    except DomainError as error:
        report(request, error)
        return redirect("treatments:session", session_id=session.pk)
    if "acknowledge_only" in request.POST:
        messages.success(request, f"{stored} warning(s) acknowledged.")
    else:
        messages.success(request, "Session signed. It can now only be corrected by an addendum.")
    return redirect("treatments:session", session_id=session.pk)


def acknowledge_all(session: Session, user: User, data: QueryDict, request: HttpRequest) -> int:
    """Each warning with a reason typed beside it; blank ones are left for signing to refuse."""
    stored = 0
    for k in range(min(as_int(data.get("ack-count")), 100)):
        reason = data.get(f"ack-{k}-reason", "").strip()
        if not reason:
            continue
        treatment = data.get(f"ack-{k}-treatment", "")
        actions.acknowledge(
            session,
            user,
            data.get(f"ack-{k}-code", ""),
            int(treatment) if treatment.isdigit() else None,
            data.get(f"ack-{k}-site") or None,
            reason,
            request=request,
        )
        stored += 1
    return stored


@require_role(*CHARTING)
def addendum(request: HttpRequest, session_id: int) -> HttpResponse:
    session = load_session(request, session_id)
    form = AddendumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                actions.add_addendum(
                    session,
                    acting_user(request),
                    form.cleaned_data["reason"],
                    form.cleaned_data["text"],
                    request=request,
                )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Addendum added; the signed chart is unchanged.")
            return redirect("treatments:session", session_id=session.pk)
    return render(
        request,
        "treatments/addendum.html",
        {"session": session, "patient": session.patient, "form": form},
    )


@require_role(Role.PHYSICIAN)
@require_POST
def cosign(request: HttpRequest, session_id: int) -> HttpResponse:
    session = load_session(request, session_id)
    try:
        with transaction.atomic():
            actions.cosign(session, acting_user(request), request=request)
    except DomainError as error:
        report(request, error)
    else:
        messages.success(request, "Co-signed.")
    if request.POST.get("next") == "queue":
        return redirect("treatments:cosign_queue")
    return redirect("treatments:session", session_id=session.pk)


@require_role(Role.PHYSICIAN)
def cosign_queue(request: HttpRequest) -> HttpResponse:
    sessions = list(queries.sessions_awaiting_cosign(current_clinic(request)))
    record(request, READ, object_type="treatments.session")
    return render(request, "treatments/cosign_queue.html", {"sessions": sessions})


@require_role(*CLINICAL_DATA_ROLES)
def pdf(request: HttpRequest, session_id: int) -> HttpResponse:
    """The printable chart as a download; the backend renders it (signed sessions only)."""
    from glabella.treatments.pdf import render_pdf

    session = load_session(request, session_id)
    if not session.is_signed:
        messages.error(request, "Only a signed session has a printable chart.")
        return redirect("treatments:session", session_id=session.pk)
    response = HttpResponse(render_pdf(session), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.pdf"'
    return response
