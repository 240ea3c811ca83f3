"""The "Treatment sessions" section of the patient page, drawn by the treatments app.

An inclusion tag keeps the patients app free of treatments imports: the patient page
only includes ``{% patient_treatments patient %}``.
"""

from __future__ import annotations

from typing import Any

from django import template

from glabella.accounts.permissions import has_role
from glabella.knowledge import load_knowledge
from glabella.patients.models import Patient
from glabella.treatments import queries
from glabella.treatments.models import SIGNED, TreatmentLine
from glabella.treatments.permissions import CHARTING_ROLES
from glabella.treatments.views.chart_context import amount_text

register = template.Library()


@register.inclusion_tag("treatments/_patient_sessions.html", takes_context=True)
def patient_treatments(context: dict[str, Any], patient: Patient) -> dict[str, Any]:
    request = context["request"]
    sessions = list(queries.sessions_of(patient).prefetch_related("lines__points")[:50])
    return {
        "patient": patient,
        "rows": [session_row(session) for session in sessions],
        "plans": list(queries.plans_of(patient)[:5]),
        "repeatable": repeatable(patient),
        "can_chart": has_role(request, *CHARTING_ROLES),
        "csrf_token": context.get("csrf_token"),
    }


def session_row(session: Any) -> dict[str, Any]:
    kb = load_knowledge()
    totals: dict[str, float] = {}
    for line in session.lines.all():
        amount = sum(float(p.units or p.volume_ml or 0) for p in line.points.all())
        totals[line.product] = totals.get(line.product, 0.0) + amount
    return {
        "session": session,
        "totals": [
            (kb.products[p].name if p in kb.products else p, amount_text(a, unit_of(p)))
            for p, a in totals.items()
        ],
    }


def unit_of(product: str) -> str:
    known = load_knowledge().products.get(product)
    return known.unit if known else ""


def repeatable(patient: Patient) -> list[tuple[str, str]]:
    """Indications of this patient's signed sessions: each can be repeated in one action."""
    kb = load_knowledge()
    ids = (
        TreatmentLine.objects.filter(
            clinic_id=patient.clinic_id, session__patient=patient, session__status=SIGNED
        )
        .values_list("indication", flat=True)
        .distinct()
    )
    return sorted((i, kb.indications[i].name if i in kb.indications else i) for i in set(ids))
