"""Signing a session: re-assess, check acknowledgements, freeze, run the sign hooks.

One transaction, owned by :func:`sign_session`'s ``atomic`` block (nested in the
caller's if any): a refusal or a hook's DomainError leaves the session a draft.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from glabella.accounts.models import User
from glabella.errors import Conflict, DomainError, InvalidInput
from glabella.treatments.audit import audit
from glabella.treatments.hooks import run_on_signed
from glabella.treatments.models import DRAFT, SIGNED, Session
from glabella.treatments.permissions import CHARTING_ROLES, ensure_clinic_role
from glabella.treatments.proposal import assess_session

Finding = dict[str, Any]


def sign_session(
    session: Session,
    by: User,
    expected_version: int | None = None,
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> Session:
    """Freeze the draft: who, when, knowledge version and assessment; then run the hooks."""
    ensure_clinic_role(by, session.clinic, CHARTING_ROLES)
    with transaction.atomic():
        locked = Session.objects.select_for_update().select_related("patient").get(pk=session.pk)
        ready_to_sign(locked, expected_version)
        assessment = assess_session(locked)
        refuse_blocks(assessment["findings"])
        refuse_unacknowledged(locked, assessment["findings"])
        freeze(locked, by, assessment)
        audit(request, by, "sign", locked, locked.clinic, channel)
        run_on_signed(locked)
    session.refresh_from_db()
    return session


def ready_to_sign(session: Session, expected_version: int | None) -> None:
    if session.status != DRAFT:
        raise Conflict("signed", "This session is already signed.")
    if expected_version is not None and session.version != expected_version:
        raise Conflict("stale_version", "This draft changed; reload before signing.", "version")
    if not session.lines.filter(points__isnull=False).exists():
        raise InvalidInput("empty", "Chart at least one injection point before signing.")


def describe(finding: Finding) -> str:
    where = [] if finding.get("treatment") is None else [f"line {finding['treatment'] + 1}"]
    where += [finding["site"]] if finding.get("site") else []
    return f"{finding['code']}" + (f" ({', '.join(where)})" if where else "")


def refuse_blocks(findings: list[Finding]) -> None:
    blocks = [f for f in findings if f["severity"] == "block"]
    if blocks:
        details = "; ".join(f"{describe(f)}: {f['message']}" for f in blocks)
        raise DomainError("blocked", f"Signing is blocked: {details}")


def refuse_unacknowledged(session: Session, findings: list[Finding]) -> None:
    acknowledged = {
        (code, treatment, site)
        for code, treatment, site in session.acknowledgements.values_list(
            "code", "treatment", "site"
        )
    }
    missing = [
        f
        for f in findings
        if f["severity"] == "warn"
        and (f["code"], f.get("treatment"), f.get("site") or "") not in acknowledged
    ]
    if missing:
        names = ", ".join(describe(f) for f in missing)
        raise DomainError("unacknowledged", f"Acknowledge with a reason before signing: {names}.")


def freeze(session: Session, by: User, assessment: dict[str, Any]) -> None:
    now = timezone.now()
    Session.objects.filter(pk=session.pk, status=DRAFT).update(
        status=SIGNED,
        signed_by=by,
        signed_at=now,
        knowledge_version=assessment["knowledge_version"],
        assessment=assessment,
        version=F("version") + 1,
        updated_at=now,
        updated_by=by,
    )
    session.refresh_from_db()
