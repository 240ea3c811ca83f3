"""Plans: concerns → indications → products → labelled template doses, then the injector edits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from glabella.accounts.models import User
from glabella.audit.actions import CREATE, UPDATE
from glabella.errors import InvalidInput
from glabella.knowledge import KnowledgeBase, load_knowledge
from glabella.patients.models import Patient
from glabella.treatments.audit import audit
from glabella.treatments.chart_input import MAX_UNITS, MAX_VOLUME_ML, amount, known
from glabella.treatments.concerns import concerns as known_concerns
from glabella.treatments.models import Plan, PlanLine
from glabella.treatments.permissions import CHARTING_ROLES, ensure_clinic_role


def propose_lines(concerns: Sequence[str]) -> list[dict[str, Any]]:
    """One line per indication of each concern: the first labelled product and its template.

    ``products`` lists every product that treats the indication (labelled first), so the
    injector can switch; ``off_label`` says when none is labelled for it.
    """
    kb = load_knowledge()
    table = known_concerns()
    lines: list[dict[str, Any]] = []
    for i, concern in enumerate(concerns):
        if concern not in table:
            raise InvalidInput("unknown_id", f"Unknown concern {concern!r}.", f"concerns.{i}")
        for indication in table[concern].indications:
            lines.append(proposed_line(kb, concern, indication))
    return lines


def products_for(kb: KnowledgeBase, indication: str) -> tuple[list[str], list[str]]:
    """(labelled, same-class off-label) product ids for an indication."""
    product_class = kb.indications[indication].product_class
    labelled = [p.id for p in kb.products.values() if indication in p.labels]
    others = [
        p.id
        for p in kb.products.values()
        if p.product_class == product_class and p.id not in labelled
    ]
    return labelled, others


def template_for(kb: KnowledgeBase, indication: str, product: str) -> str:
    label = kb.label(product, indication)
    if label is not None and label.templates:
        return label.templates[0]
    for template in kb.templates.values():
        if template.indication == indication and (
            not template.products or product in template.products
        ):
            return template.id
    return ""


def proposed_line(kb: KnowledgeBase, concern: str, indication: str) -> dict[str, Any]:
    labelled, others = products_for(kb, indication)
    product = (labelled or others)[0]
    template = template_for(kb, indication, product)
    dose = kb.templates[template].points_total() if template else 0.0
    toxin = kb.products[product].product_class == "toxin"
    return {
        "concern": concern,
        "indication": indication,
        "product": product,
        "products": labelled + others,
        "off_label": not labelled,
        "template": template,
        "planned_units": Decimal(str(dose)) if toxin and dose else None,
        "planned_volume_ml": None,
        "summary": summary(kb, indication, product, template),
    }


def summary(kb: KnowledgeBase, indication: str, product: str, template: str) -> str:
    """The patient-facing explanation of one line, in plain words."""
    words = [kb.indications[indication].summary, f"Product: {kb.products[product].name}."]
    if template:
        words.append(f'The dose follows the standard pattern "{kb.templates[template].name}".')
    if indication not in kb.products[product].labels:
        words.append("This use is outside the product's approved label; we will discuss why.")
    return " ".join(words)


def create_plan(
    patient: Patient,
    by: User,
    concerns: Sequence[str],
    notes: str = "",
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> Plan:
    """A draft plan with the proposed lines for ``concerns``."""
    ensure_clinic_role(by, patient.clinic, CHARTING_ROLES)
    lines = propose_lines(concerns)
    with transaction.atomic():
        plan = Plan.objects.create(
            clinic=patient.clinic,
            patient=patient,
            created_by=by,
            concerns=list(concerns),
            notes=notes or "",
        )
        write_plan_lines(plan, lines)
        audit(request, by, CREATE, plan, patient.clinic, channel)
    return plan


def save_plan(
    plan: Plan,
    by: User,
    lines: Sequence[Mapping[str, Any]],
    notes: str | None = None,
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> Plan:
    """Replace the plan's lines with the injector's edits and mark it saved."""
    ensure_clinic_role(by, plan.clinic, CHARTING_ROLES)
    kb = load_knowledge()
    cleaned = [clean_plan_line(kb, line, f"lines.{i}") for i, line in enumerate(lines)]
    with transaction.atomic():
        plan.lines.all().delete()
        write_plan_lines(plan, cleaned)
        plan.status = "saved"
        if notes is not None:
            plan.notes = notes
        plan.save(update_fields=["status", "notes", "updated_at"])
        audit(request, by, UPDATE, plan, plan.clinic, channel)
    return plan


def clean_plan_line(kb: KnowledgeBase, raw: Mapping[str, Any], at: str) -> dict[str, Any]:
    product = known(raw.get("product"), kb.products, f"{at}.product", "product")
    indication = known(raw.get("indication"), kb.indications, f"{at}.indication", "indication")
    template = raw.get("template") or ""
    if template:
        known(template, kb.templates, f"{at}.template", "template")
    units, volume = raw.get("planned_units"), raw.get("planned_volume_ml")
    return {
        "concern": str(raw.get("concern") or "")[:60],
        "indication": indication,
        "product": product,
        "template": template,
        "planned_units": amount(units, f"{at}.planned_units", MAX_UNITS, True),
        "planned_volume_ml": amount(volume, f"{at}.planned_volume_ml", MAX_VOLUME_ML, True),
        "summary": summary(kb, indication, product, template),
    }


def write_plan_lines(plan: Plan, lines: Sequence[Mapping[str, Any]]) -> None:
    PlanLine.objects.bulk_create(
        PlanLine(
            clinic_id=plan.clinic_id,
            plan=plan,
            position=i,
            concern=line["concern"],
            indication=line["indication"],
            product=line["product"],
            template=line["template"],
            planned_units=line["planned_units"],
            planned_volume_ml=line["planned_volume_ml"],
            summary=line["summary"],
        )
        for i, line in enumerate(lines)
    )
