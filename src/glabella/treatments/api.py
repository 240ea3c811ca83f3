"""JSON API under /api/v1/treatments: the same actions, flows and queries as the pages."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from glabella.accounts.models import User
from glabella.accounts.permissions import ensure_role
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import READ, record
from glabella.errors import InvalidInput
from glabella.patients.models import Patient
from glabella.treatments import actions, queries
from glabella.treatments.models import Acknowledgement, Addendum, CoSignature, Plan, Session
from glabella.treatments.permissions import READ_ROLES
from glabella.treatments.schemas import (
    AcknowledgementIn,
    AcknowledgementOut,
    AddendumIn,
    AddendumOut,
    ChartIn,
    CoSignatureOut,
    PlanIn,
    PlanOut,
    PlanSaveIn,
    SessionIn,
    SessionOut,
    SignIn,
    TemplateIn,
)

router = Router(tags=["treatments"])
API = "api"


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def session_for(request: HttpRequest, session_id: int) -> Session:
    """A session of the caller's clinic (404 otherwise), then the role check (403)."""
    session = get_scoped_or_404(
        queries.session_detail(current_clinic(request)), request, pk=session_id
    )
    ensure_role(request, *READ_ROLES)
    return session


def version_of(value: int | None) -> int:
    if value is None:
        raise InvalidInput("required", "Send the version you edited.", "version")
    return value


def detail(request: HttpRequest, session_id: int) -> Session:
    return get_scoped_or_404(
        queries.session_detail(current_clinic(request)), request, pk=session_id
    )


@router.post("/sessions", response={201: SessionOut})
def create_session(request: HttpRequest, payload: SessionIn) -> Status[Session]:
    patient = get_scoped_or_404(Patient, request, pk=payload.patient_id)
    plan = None
    if payload.plan_id is not None:
        plan = get_scoped_or_404(Plan, request, pk=payload.plan_id)
    with transaction.atomic():
        session = actions.create_session(
            patient, user_of(request), plan, request=request, channel=API
        )
    return Status(201, detail(request, session.pk))


@router.get("/sessions/{session_id}", response=SessionOut)
def get_session(request: HttpRequest, session_id: int) -> Session:
    session = session_for(request, session_id)
    record(request, READ, session, channel=API)
    return session


@router.put("/sessions/{session_id}/chart", response=SessionOut)
def put_chart(request: HttpRequest, session_id: int, payload: ChartIn) -> Session:
    """Replace the draft's lines; 409 when ``version`` is no longer the current one."""
    session = session_for(request, session_id)
    lines = [line.dict() for line in payload.lines]
    with transaction.atomic():
        actions.save_chart(
            session,
            user_of(request),
            version_of(payload.version),
            lines,
            request=request,
            channel=API,
        )
    return detail(request, session_id)


@router.post("/sessions/{session_id}/apply-template", response=SessionOut)
def apply_template(request: HttpRequest, session_id: int, payload: TemplateIn) -> Session:
    session = session_for(request, session_id)
    with transaction.atomic():
        actions.apply_template(
            session,
            user_of(request),
            version_of(payload.version),
            payload.template,
            payload.product,
            payload.variant,
            volume_ml=payload.volume_ml,
            request=request,
            channel=API,
        )
    return detail(request, session_id)


@router.get("/sessions/{session_id}/assessment", response=dict[str, Any])
def get_assessment(request: HttpRequest, session_id: int) -> dict[str, Any]:
    """The live assessment of a draft; a signed session answers its frozen one."""
    session = session_for(request, session_id)
    record(request, READ, session, channel=API)
    frozen: dict[str, Any] | None = session.assessment
    return frozen if frozen is not None else actions.assess_session(session)


@router.post("/sessions/{session_id}/acknowledgements", response={201: AcknowledgementOut})
def acknowledge(
    request: HttpRequest, session_id: int, payload: AcknowledgementIn
) -> Status[Acknowledgement]:
    session = session_for(request, session_id)
    with transaction.atomic():
        ack = actions.acknowledge(
            session,
            user_of(request),
            payload.code,
            payload.treatment,
            payload.site,
            payload.reason,
            request=request,
            channel=API,
        )
    return Status(201, ack)


@router.post("/sessions/{session_id}/sign", response=SessionOut)
def sign(request: HttpRequest, session_id: int, payload: SignIn) -> Session:
    session = session_for(request, session_id)
    with transaction.atomic():
        actions.sign_session(
            session, user_of(request), payload.version, request=request, channel=API
        )
    return detail(request, session_id)


@router.post("/sessions/{session_id}/addenda", response={201: AddendumOut})
def add_addendum(request: HttpRequest, session_id: int, payload: AddendumIn) -> Status[Addendum]:
    session = session_for(request, session_id)
    with transaction.atomic():
        addendum = actions.add_addendum(
            session,
            user_of(request),
            payload.reason,
            payload.text,
            payload.corrected_points,
            request=request,
            channel=API,
        )
    return Status(201, addendum)


@router.post("/sessions/{session_id}/cosign", response={201: CoSignatureOut})
def cosign(request: HttpRequest, session_id: int) -> Status[CoSignature]:
    session = session_for(request, session_id)
    with transaction.atomic():
        signature = actions.cosign(session, user_of(request), request=request, channel=API)
    return Status(201, signature)


@router.get("/sessions/{session_id}/pdf")
def get_pdf(request: HttpRequest, session_id: int) -> HttpResponse:
    """The printable chart of a signed session (application/pdf)."""
    from glabella.treatments.pdf import render_pdf

    session = session_for(request, session_id)
    record(request, READ, session, channel=API)
    response = HttpResponse(render_pdf(session), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="session-{session.pk}.pdf"'
    return response


@router.get("/cosign-queue", response=list[SessionOut])
def cosign_queue(request: HttpRequest) -> list[Session]:
    ensure_role(request, *READ_ROLES)
    clinic = current_clinic(request)
    ids = list(queries.sessions_awaiting_cosign(clinic).values_list("pk", flat=True)[:100])
    record(request, READ, object_type="treatments.session", object_id="cosign-queue", channel=API)
    return list(queries.session_detail(clinic).filter(pk__in=ids).order_by("signed_at", "id"))


@router.post("/plans", response={201: PlanOut})
def create_plan(request: HttpRequest, payload: PlanIn) -> Status[Plan]:
    patient = get_scoped_or_404(Patient, request, pk=payload.patient_id)
    with transaction.atomic():
        plan = actions.create_plan(
            patient, user_of(request), payload.concerns, payload.notes, request=request, channel=API
        )
    return Status(201, plan_detail(request, plan.pk))


@router.get("/plans/{plan_id}", response=PlanOut)
def get_plan(request: HttpRequest, plan_id: int) -> Plan:
    plan = plan_detail(request, plan_id)
    ensure_role(request, *READ_ROLES)
    record(request, READ, plan, channel=API)
    return plan


@router.put("/plans/{plan_id}", response=PlanOut)
def save_plan(request: HttpRequest, plan_id: int, payload: PlanSaveIn) -> Plan:
    plan = plan_detail(request, plan_id)
    lines = [line.dict() for line in payload.lines]
    with transaction.atomic():
        actions.save_plan(
            plan, user_of(request), lines, payload.notes, request=request, channel=API
        )
    return plan_detail(request, plan_id)


def plan_detail(request: HttpRequest, plan_id: int) -> Plan:
    return get_scoped_or_404(Plan.objects.prefetch_related("lines"), request, pk=plan_id)
