"""Plans: the patient's concerns, the proposed lines, the injector's edits, the summary."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from glabella.accounts.permissions import has_role, require_role
from glabella.errors import DomainError
from glabella.knowledge import load_knowledge
from glabella.patients.permissions import CLINICAL_DATA_ROLES
from glabella.treatments import actions
from glabella.treatments.actions.plans import products_for
from glabella.treatments.concerns import concerns
from glabella.treatments.forms import decimal_text
from glabella.treatments.models import Plan
from glabella.treatments.views.charting import CHARTING
from glabella.treatments.views.common import acting_user, load_patient, load_plan, report


@require_role(*CHARTING)
def new_plan(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = load_patient(request, patient_id)
    chosen = request.POST.getlist("concerns")
    if request.method == "POST":
        try:
            with transaction.atomic():
                plan = actions.create_plan(
                    patient,
                    acting_user(request),
                    chosen,
                    request.POST.get("notes", ""),
                    request=request,
                )
        except DomainError as error:
            report(request, error)
        else:
            return redirect("treatments:plan", plan_id=plan.pk)
    return render(
        request,
        "treatments/plan_new.html",
        {"patient": patient, "concerns": concerns().values(), "chosen": chosen},
    )


@require_role(*CLINICAL_DATA_ROLES)
def plan_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = load_plan(request, plan_id)
    if request.method == "POST":
        if not has_role(request, *CHARTING):
            raise PermissionDenied("Your role in this clinic does not allow this.")
        try:
            with transaction.atomic():
                actions.save_plan(
                    plan,
                    acting_user(request),
                    posted_lines(request.POST),
                    request.POST.get("notes", ""),
                    request=request,
                )
        except DomainError as error:
            report(request, error)
        else:
            messages.success(request, "Plan saved.")
            return redirect("treatments:plan", plan_id=plan.pk)
    return render(request, "treatments/plan.html", plan_context(plan))


def posted_lines(data: QueryDict) -> list[dict[str, Any]]:
    """The edited lines, without those ticked for removal."""
    lines = []
    for i in range(min(int(data.get("lines-count", "0") or 0), 50)):
        if data.get(f"lines-{i}-remove"):
            continue
        lines.append(
            {
                name: data.get(f"lines-{i}-{name}", "").strip() or None
                for name in ("concern", "indication", "product", "template")
            }
            | {
                "planned_units": data.get(f"lines-{i}-planned_units", "").strip() or None,
                "planned_volume_ml": data.get(f"lines-{i}-planned_volume_ml", "").strip() or None,
            }
        )
    return lines


def plan_context(plan: Plan) -> dict[str, Any]:
    kb = load_knowledge()
    named = concerns()
    rows = []
    for i, line in enumerate(plan.lines.all()):
        labelled, others = products_for(kb, line.indication)
        rows.append(
            {
                "index": i,
                "line": line,
                "concern": named[line.concern].name if line.concern in named else "",
                "indication": kb.indications[line.indication].name,
                "unit": kb.products[line.product].unit,
                "products": [
                    (p, kb.products[p].name, p not in labelled) for p in labelled + others
                ],
                "templates": [
                    (t.id, t.name) for t in kb.templates.values() if t.indication == line.indication
                ],
                "units": decimal_text(line.planned_units),
                "volume": decimal_text(line.planned_volume_ml),
            }
        )
    return {"plan": plan, "patient": plan.patient, "rows": rows}


@require_role(*CLINICAL_DATA_ROLES)
def plan_summary(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The patient-facing explanation, in plain words, printable."""
    plan = load_plan(request, plan_id)
    return render(request, "treatments/plan_summary.html", plan_context(plan))
