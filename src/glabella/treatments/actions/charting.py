"""Draft sessions: create, save the chart (optimistic locking), apply a template, repeat."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from glabella.accounts.models import User
from glabella.audit.actions import CREATE, UPDATE
from glabella.errors import Conflict, InvalidInput, NotFound
from glabella.knowledge import load_knowledge
from glabella.patients.models import Patient
from glabella.treatments.audit import audit
from glabella.treatments.chart_input import LineIn, clean_lines
from glabella.treatments.models import (
    DRAFT,
    InjectionPoint,
    Plan,
    Session,
    TreatmentLine,
)
from glabella.treatments.permissions import CHARTING_ROLES, ensure_clinic_role


def create_session(
    patient: Patient,
    injector: User,
    plan: Plan | None = None,
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> Session:
    """A new, empty draft for ``patient`` charted by ``injector``."""
    ensure_clinic_role(injector, patient.clinic, CHARTING_ROLES)
    if plan is not None and plan.patient_id != patient.pk:
        raise InvalidInput("invalid", "The plan belongs to another patient.", "plan_id")
    with transaction.atomic():
        session = Session.objects.create(
            clinic=patient.clinic, patient=patient, injector=injector, plan=plan
        )
        audit(request, injector, CREATE, session, patient.clinic, channel)
    return session


def save_chart(
    session: Session,
    by: User,
    expected_version: int,
    lines: Sequence[Mapping[str, Any]],
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> Session:
    """Replace the draft's lines and points; Conflict when someone saved since ``expected_version``.

    The version bump comes first, as ``UPDATE ... WHERE version = expected``: on PostgreSQL
    it takes the row lock, so a concurrent save waits, then matches no row and gets the
    Conflict before it writes anything.
    """
    ensure_clinic_role(by, session.clinic, CHARTING_ROLES)
    cleaned = clean_lines(session.clinic, lines)
    with transaction.atomic():
        bump_version(session, by, expected_version)
        write_lines(session, cleaned)
        audit(request, by, UPDATE, session, session.clinic, channel)
    return session


def bump_version(session: Session, by: User, expected_version: int) -> None:
    now = timezone.now()
    changed = Session.objects.filter(
        pk=session.pk, clinic=session.clinic, status=DRAFT, version=expected_version
    ).update(version=F("version") + 1, updated_by=by, updated_at=now)
    if changed != 1:
        raise stale(session)
    session.version = expected_version + 1
    session.updated_by, session.updated_at = by, now


def stale(session: Session) -> Conflict | NotFound:
    """The reason the conditional UPDATE matched nothing, in words the user can act on."""
    current = (
        Session.objects.filter(pk=session.pk)
        .select_related("updated_by", "signed_by")
        .only("status", "updated_at", "updated_by", "signed_by", "signed_at")
        .first()
    )
    if current is None:
        return NotFound("not_found", "This session no longer exists.")
    if current.status != DRAFT:
        return Conflict("signed", "This session is signed; add an addendum to correct it.")
    who = person(current.updated_by)
    when = timezone.localtime(current.updated_at).strftime("%H:%M")
    return Conflict(
        "stale_version",
        f"This draft was changed by {who} at {when}; reload to see their changes.",
        "version",
    )


def person(user: User | None) -> str:
    if user is None:
        return "someone else"
    return user.get_full_name() or user.get_username()


def write_lines(session: Session, lines: list[LineIn]) -> None:
    TreatmentLine.objects.filter(session=session).delete()
    rows = TreatmentLine.objects.bulk_create(
        [
            TreatmentLine(
                clinic_id=session.clinic_id,
                session=session,
                position=i,
                product=line.product,
                indication=line.indication,
                template=line.template,
                lot=line.lot,
                vial=line.vial,
                diluent_ml=line.diluent_ml,
            )
            for i, line in enumerate(lines)
        ]
    )
    InjectionPoint.objects.bulk_create(
        [
            InjectionPoint(
                clinic_id=session.clinic_id,
                line=row,
                position=j,
                site=p.site,
                units=p.units,
                volume_ml=p.volume_ml,
                depth=p.depth,
                technique=p.technique,
                x=p.x,
                y=p.y,
            )
            for row, line in zip(rows, lines, strict=True)
            for j, p in enumerate(line.points)
        ]
    )


def chart_of(session: Session) -> list[dict[str, Any]]:
    """The draft's current lines in save_chart's input shape (for appending to it)."""
    lines = []
    for line in session.lines.prefetch_related("points").order_by("position"):
        lines.append(
            {
                "product": line.product,
                "indication": line.indication,
                "template": line.template,
                "lot_id": line.lot_id,
                "vial_id": line.vial_id,
                "diluent_ml": line.diluent_ml,
                "points": [point_input(p) for p in line.points.all()],
            }
        )
    return lines


def point_input(point: InjectionPoint) -> dict[str, Any]:
    return {
        "site": point.site,
        "units": point.units,
        "volume_ml": point.volume_ml,
        "depth": point.depth,
        "technique": point.technique,
        "x": point.x,
        "y": point.y,
    }


def apply_template(
    session: Session,
    by: User,
    expected_version: int,
    template_id: str,
    product: str,
    variant: str | None = None,
    *,
    volume_ml: Decimal | float | None = None,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> Session:
    """Add one line with the template's labelled points (or a variant's) to the draft.

    Filler templates carry no volumes (they are individualised), so ``volume_ml`` per
    point is required for them.
    """
    line = template_line(template_id, product, variant, volume_ml)
    lines = [*chart_of(session), line]
    return save_chart(session, by, expected_version, lines, request=request, channel=channel)


def template_line(
    template_id: str, product: str, variant: str | None, volume_ml: Decimal | float | None
) -> dict[str, Any]:
    kb = load_knowledge()
    template = kb.templates.get(template_id)
    if template is None:
        raise InvalidInput("unknown_id", f"Unknown template {template_id!r}.", "template")
    if template.products and product not in template.products:
        allowed = ", ".join(template.products)
        raise InvalidInput("invalid", f"This template is for {allowed}.", "product")
    points = template.points
    if variant is not None or (not points and template.variants):
        chosen = next((v for v in template.variants if v.id == variant), None)
        if chosen is None:
            names = ", ".join(v.id for v in template.variants) or "none"
            raise InvalidInput("invalid", f"Choose a variant: {names}.", "variant")
        points = chosen.points
    if not points:
        raise InvalidInput("invalid", "This template has no fixed points; add them by hand.")
    filler = template.product_class == "filler"
    if filler and volume_ml is None:
        raise InvalidInput("invalid", "Enter the volume per point in mL.", "volume_ml")
    return {
        "product": product,
        "indication": template.indication,
        "template": template.id,
        "points": [
            {
                "site": p.site,
                "units": None if filler else p.units,
                "volume_ml": (p.volume_ml or volume_ml) if filler else None,
            }
            for p in points
        ],
    }


def repeat_last_session(
    patient: Patient,
    injector: User,
    indication: str,
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> Session:
    """A new draft with the map (lines and points, no lots) of the last signed session
    that treated ``indication``."""
    from glabella.treatments.queries import last_session_for

    previous = last_session_for(patient, indication)
    if previous is None:
        raise NotFound("no_previous_session", "No signed session treated this indication yet.")
    lines = [
        {**line, "lot_id": None, "vial_id": None}
        for line in chart_of(previous)
        if line["indication"] == indication
    ]
    with transaction.atomic():
        session = create_session(patient, injector, request=request, channel=channel)
        session.repeated_from = previous
        session.save(update_fields=["repeated_from"])
        save_chart(session, injector, session.version, lines, request=request, channel=channel)
    return session
