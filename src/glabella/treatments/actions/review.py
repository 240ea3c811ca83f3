"""Acknowledging warnings before signing; addenda and co-signatures after it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from glabella.accounts.models import User
from glabella.accounts.roles import Role
from glabella.errors import Conflict, InvalidInput
from glabella.knowledge import load_knowledge
from glabella.treatments.audit import audit
from glabella.treatments.models import (
    DRAFT,
    SIGNED,
    Acknowledgement,
    Addendum,
    CoSignature,
    Session,
)
from glabella.treatments.permissions import CHARTING_ROLES, ensure_clinic_role

MIN_REASON = 5
CODE_MAX = 40


def required_text(value: Any, field: str, minimum: int = MIN_REASON) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if len(text) < minimum:
        raise InvalidInput("required", f"Write at least {minimum} characters.", field)
    return text


def acknowledge(
    session: Session,
    by: User,
    code: str,
    treatment: int | None,
    site: str | None,
    reason: str,
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> Acknowledgement:
    """Accept a warn finding (``code`` on line ``treatment`` at ``site``) with a reason."""
    ensure_clinic_role(by, session.clinic, CHARTING_ROLES)
    if session.status != DRAFT:
        raise Conflict("signed", "This session is signed; add an addendum instead.")
    if not isinstance(code, str) or not code or len(code) > CODE_MAX:
        raise InvalidInput("invalid", "Name the finding code.", "code")
    if treatment is not None and (not isinstance(treatment, int) or treatment < 0):
        raise InvalidInput("invalid", "The treatment index is a whole number from 0.", "treatment")
    text = required_text(reason, "reason")
    with transaction.atomic():
        ack = Acknowledgement.objects.create(
            clinic_id=session.clinic_id,
            session=session,
            code=code,
            treatment=treatment,
            site=site or "",
            reason=text,
            by=by,
        )
        audit(request, by, "acknowledge", session, session.clinic, channel)
    return ack


def add_addendum(
    session: Session,
    author: User,
    reason: str,
    text: str,
    corrected_points: Sequence[dict[str, Any]] | None = None,
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> Addendum:
    """A correction to a signed session; the signed chart stays exactly as it was."""
    ensure_clinic_role(author, session.clinic, CHARTING_ROLES)
    if session.status != SIGNED:
        raise Conflict("draft", "A draft is corrected by editing it; addenda follow signing.")
    clean_reason = required_text(reason, "reason")
    clean_text = required_text(text, "text", 1)
    points = clean_corrections(corrected_points)
    with transaction.atomic():
        addendum = Addendum.objects.create(
            clinic_id=session.clinic_id,
            session=session,
            author=author,
            reason=clean_reason,
            text=clean_text,
            corrected_points=points,
        )
        audit(request, author, "addendum", session, session.clinic, channel)
    return addendum


def clean_corrections(points: Sequence[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    if points is None:
        return None
    sites = load_knowledge().sites
    cleaned = []
    for i, point in enumerate(points):
        at = f"corrected_points.{i}"
        if not isinstance(point, dict) or point.get("site") not in sites:
            raise InvalidInput("unknown_id", "Each corrected point names a known site.", at)
        amounts = {k: point.get(k) for k in ("units", "volume_ml") if point.get(k) is not None}
        if len(amounts) != 1 or not all(_positive(v) for v in amounts.values()):
            raise InvalidInput("invalid", "Give units or volume_ml, above 0.", at)
        cleaned.append({"site": point["site"], **{k: float(str(v)) for k, v in amounts.items()}})
    return cleaned


def _positive(value: Any) -> bool:
    try:
        return float(value) > 0
    except (TypeError, ValueError):
        return False


def cosign(
    session: Session,
    physician: User,
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> CoSignature:
    """A supervising physician's co-signature of someone else's signed session."""
    ensure_clinic_role(physician, session.clinic, frozenset({Role.PHYSICIAN}))
    if session.status != SIGNED:
        raise Conflict("draft", "Only a signed session can be co-signed.")
    if session.signed_by_id == physician.pk:
        raise Conflict("own_session", "A co-signature comes from another physician.")
    try:
        with transaction.atomic():
            signature = CoSignature.objects.create(
                clinic_id=session.clinic_id, session=session, physician=physician
            )
            audit(request, physician, "cosign", session, session.clinic, channel)
    except IntegrityError:
        raise Conflict("already_cosigned", "This session is already co-signed.") from None
    return signature
