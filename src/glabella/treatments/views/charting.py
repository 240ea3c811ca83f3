"""The charting page: start a session, chart it with live safety checks, repeat the last one.

Every change to the chart form posts the whole chart (HTMX, or a plain submit without
JavaScript); the view applies the button's change, saves with ``save_chart`` under the
version the page was drawn from, re-runs the engine and redraws the chart.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.html import format_html_join
from django.views.decorators.http import require_POST

from glabella.accounts.permissions import require_role
from glabella.accounts.roles import Role
from glabella.accounts.tenancy import current_clinic
from glabella.errors import Conflict, DomainError
from glabella.knowledge import KnowledgeBase, load_knowledge
from glabella.patients.permissions import CLINICAL_DATA_ROLES
from glabella.treatments import actions, diagram, queries
from glabella.treatments.forms import ChartState
from glabella.treatments.models import (
    Session,
)
from glabella.treatments.permissions import CHARTING_ROLES
from glabella.treatments.views.chart_context import (
    CHOICES,
    acknowledgements_of,
    chart_view,
    option_parts,
    options_html,
    typed_reasons,
)
from glabella.treatments.views.common import acting_user, load_patient, load_session, report

CHARTING = tuple(CHARTING_ROLES)


@require_role(*CHARTING)
def new_session(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = load_patient(request, patient_id)
    plans = list(queries.plans_of(patient)[:10])
    if request.method == "POST":
        plan = next((p for p in plans if str(p.pk) == request.POST.get("plan")), None)
        try:
            with transaction.atomic():
                session = actions.create_session(
                    patient, acting_user(request), plan, request=request
                )
                first_lines(session, request, request.POST, plan)
        except DomainError as error:
            report(request, error)
        else:
            return redirect("treatments:session", session_id=session.pk)
    return render(
        request,
        "treatments/session_new.html",
        {"patient": patient, "plans": plans, **line_choices()},
    )


def first_lines(session: Session, request: HttpRequest, data: QueryDict, plan: Any | None) -> None:
    """Start the draft with the chosen line, or the plan's lines, so templates are one click."""
    state = ChartState()
    if plan is not None:
        for line in plan.lines.all():
            state.add_line(line.product, line.indication)
    product, indication = data.get("product", ""), data.get("indication", "")
    if product and indication:
        state.add_line(product, indication)
    if state.lines:
        actions.save_chart(
            session,
            acting_user(request),
            session.version,
            state.payload(load_knowledge()),
            request=request,
        )


@require_role(*CHARTING)
@require_POST
def repeat_session(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = load_patient(request, patient_id)
    try:
        with transaction.atomic():
            session = actions.repeat_last_session(
                patient, acting_user(request), request.POST.get("indication", ""), request=request
            )
    except DomainError as error:
        report(request, error)
        return redirect("patients:detail", patient_id=patient.pk)
    messages.success(request, "A new draft copies the last session's map; check every dose.")
    return redirect("treatments:session", session_id=session.pk)


@require_role(*CLINICAL_DATA_ROLES)
def session_page(request: HttpRequest, session_id: int) -> HttpResponse:
    charting = acting_role(request) in CHARTING
    session = load_session(
        request, session_id, queries.draft_detail if charting else queries.session_detail
    )
    if session.is_signed or not charting:
        if charting:
            prefetch_related_objects([session], *queries.SIGNED_EXTRAS)
        return render(request, "treatments/session_signed.html", signed_context(request, session))
    state = ChartState.from_session(session)
    context = chart_context(request, session, state, session.version)
    return render(request, "treatments/chart.html", context)


def acting_role(request: HttpRequest) -> str:
    membership = getattr(request, "membership", None)
    return membership.role if membership is not None else ""


@require_role(*CHARTING)
@require_POST
def save(request: HttpRequest, session_id: int) -> HttpResponse:
    session = load_session(request, session_id)
    kb = load_knowledge()
    state = ChartState.from_post(request.POST)
    apply_button(state, request.POST)
    version = as_int(request.POST.get("version"))
    problem: dict[str, Any] = {}
    try:
        with transaction.atomic():
            actions.save_chart(
                session, acting_user(request), version, state.payload(kb), request=request
            )
    except Conflict as error:
        # The user's state stays on the page; the fresh version lets them save it over
        # the other change deliberately, after reading the message.
        problem = {"conflict": error.message}
    except DomainError as error:
        problem = {"error": error.message, "error_field": error.field or ""}
    fresh = queries.session_detail(current_clinic(request)).get(pk=session.pk)
    context = chart_context(request, fresh, state, fresh.version, **problem)
    if request.headers.get("HX-Request"):
        return render(request, "treatments/_chart.html", context)
    if not problem:
        return redirect("treatments:session", session_id=session.pk)
    status = 409 if "conflict" in problem else 422
    return render(request, "treatments/chart.html", context, status=status)


def apply_button(state: ChartState, data: QueryDict) -> None:
    """The change the pressed button (or the tapped site) asks for."""
    kb = load_knowledge()
    field = {name: data.get(name, "") for name in BUTTON_FIELDS}
    if field["apply"]:
        state.apply_template(kb, field["apply"])
    if field["remove_point"]:
        state.remove_point(as_int(field["remove_point"]))
    if field["remove_line"]:
        state.remove_line(as_int(field["remove_line"]))
    if field["add_line"] and field["new-product"] and field["new-indication"]:
        state.add_line(field["new-product"], field["new-indication"])
    site = field["add_site"] or (field["add_point"] and field["add_site_select"])
    if site:
        state.add_point(kb, site)


BUTTON_FIELDS = (
    "apply",
    "remove_point",
    "remove_line",
    "add_line",
    "new-product",
    "new-indication",
    "add_site",
    "add_point",
    "add_site_select",
)


def as_int(text: str | None) -> int:
    try:
        return int(text or "")
    except ValueError:
        return -1


def chart_context(
    request: HttpRequest, session: Session, state: ChartState, version: int, **problem: str
) -> dict[str, Any]:
    assessment = actions.assess_session(session)
    typed = typed_reasons(request.POST) if request.method == "POST" else {}
    chart = chart_view(
        current_clinic(request), state, assessment, acknowledgements_of(session), typed=typed
    )
    return {
        "session": session,
        "patient": session.patient,
        "state": state,
        "chart": chart,
        "version": version,
        "blocked": chart.verdict == "block",
        "warns": [f for f in chart.findings if f.severity == "warn"],
        **CHOICES,
        **line_choices(),
        **problem,
    }


def line_choices() -> dict[str, Any]:
    """The add-a-line selects and the site list, as pairs and as ready-made markup."""
    kb = load_knowledge()
    pieces = diagram.cached_for(kb, "line_choices", lambda: choice_pieces(kb))
    # Fresh lists per call: a caller may change its copy without touching the cache.
    return {
        key: list(value) if isinstance(value, tuple) else value for key, value in pieces.items()
    }


def choice_pieces(kb: KnowledgeBase) -> dict[str, Any]:
    # Built once per knowledge base: the choices never change while the process runs, and
    # rendering ~130 options in template loops on every page view is a measurable share of it.
    products = sorted(kb.products.values(), key=lambda p: (p.product_class, p.name))
    indications = sorted(kb.indications.values(), key=lambda i: (i.product_class, i.name))
    product_pairs = tuple((p.id, f"{p.name} ({p.unit})") for p in products)
    indication_pairs = tuple((i.id, i.name) for i in indications)
    site_pairs = tuple(sorted(((s.id, s.name) for s in kb.sites.values()), key=lambda s: s[1]))
    return {
        "products": product_pairs,
        "indications": indication_pairs,
        "sites": site_pairs,
        "product_options": options_html(option_parts(product_pairs), ""),
        "indication_options": options_html(option_parts(indication_pairs), ""),
        "site_datalist": format_html_join(
            "", '<option value="{}" label="{}"></option>', site_pairs
        ),
    }


def signed_context(request: HttpRequest, session: Session) -> dict[str, Any]:
    """A signed chart as it was signed (its stored assessment), or a draft read-only."""
    state = ChartState.from_session(session)
    assessment = session.assessment if session.is_signed else actions.assess_session(session)
    chart = chart_view(
        session.clinic, state, assessment, acknowledgements_of(session), interactive=False
    )
    role = acting_role(request)
    user_id = getattr(request.user, "pk", None)
    return {
        "session": session,
        "patient": session.patient,
        "chart": chart,
        "state": state,
        "can_chart": role in CHARTING,
        "can_cosign": role == Role.PHYSICIAN
        and session.signed_by_id != user_id
        and not session.cosignatures.all(),
    }
