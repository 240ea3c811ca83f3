"""Everything the charting page shows, built from the form state and the engine's findings.

The page and its HTMX partial render from one context, so the first load, every live
change and a refused save all draw the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.safestring import SafeString

from glabella.accounts.models import Clinic
from glabella.knowledge import KnowledgeBase, load_knowledge
from glabella.knowledge.schema import Template
from glabella.treatments import diagram
from glabella.treatments.forms import (
    DEPTH_CHOICES,
    TECHNIQUE_CHOICES,
    ChartState,
    LineRow,
    PointRow,
    decimal_text,
)
from glabella.treatments.models import Session


@dataclass
class TemplateButton:
    value: str
    label: str


@dataclass
class LineView:
    index: int
    row: LineRow
    product_name: str
    indication_name: str
    unit: str
    filler: bool
    buttons: list[TemplateButton]
    lots: list[tuple[str, str]]


@dataclass
class PointView:
    index: int
    row: PointRow
    site_name: str
    unit: str


@dataclass
class TotalView:
    product: str
    amount: str
    points: int


@dataclass
class FindingView:
    index: int
    code: str
    severity: str
    message: str
    source: str
    treatment: int | None
    site: str
    acknowledged: str | None = None


@dataclass
class ChartView:
    lines: list[LineView]
    points: list[PointView]
    totals: list[TotalView]
    diagrams: list[tuple[str, str, SafeString]]
    findings: list[FindingView] = field(default_factory=list)
    verdict: str = "ok"
    sequencing: list[str] = field(default_factory=list)


def chart_view(
    clinic: Clinic,
    state: ChartState,
    assessment: dict[str, Any] | None,
    acknowledged: dict[tuple[str, int | None, str], str],
    *,
    interactive: bool = True,
) -> ChartView:
    kb = load_knowledge()
    lines = [line_view(kb, clinic, i, row, interactive) for i, row in enumerate(state.lines)]
    units = [line.unit for line in lines]
    points = [
        PointView(m, p, site_name(kb, p.site), units[p.line] if 0 <= p.line < len(units) else "")
        for m, p in enumerate(state.points)
    ]
    findings = findings_of(assessment, acknowledged)
    return ChartView(
        lines=lines,
        points=points,
        totals=totals(kb, state),
        diagrams=diagrams(kb, state, interactive),
        findings=findings,
        verdict=(assessment or {}).get("verdict", "ok"),
        sequencing=sequencing(kb, lines),
    )


def site_name(kb: KnowledgeBase, site: str) -> str:
    known = kb.sites.get(site)
    return known.name if known else site


def line_view(
    kb: KnowledgeBase, clinic: Clinic, index: int, row: LineRow, interactive: bool
) -> LineView:
    product = kb.products.get(row.product)
    indication = kb.indications.get(row.indication)
    return LineView(
        index=index,
        row=row,
        product_name=product.name if product else row.product,
        indication_name=indication.name if indication else row.indication,
        unit=product.unit if product else "",
        filler=product is not None and product.product_class == "filler",
        buttons=template_buttons(kb, index, row) if interactive else [],
        lots=lot_choices(clinic, row.product) if interactive else [],
    )


def templates_for(kb: KnowledgeBase, row: LineRow) -> list[Template]:
    return [
        t
        for t in kb.templates.values()
        if t.indication == row.indication and (not t.products or row.product in t.products)
    ]


def template_buttons(kb: KnowledgeBase, index: int, row: LineRow) -> list[TemplateButton]:
    """One button per labelled layout, so a template is applied with one click."""
    unit = kb.products[row.product].unit if row.product in kb.products else ""
    buttons = []
    for t in templates_for(kb, row):
        for variant in t.variants:
            total = amount_text(variant.total.value, unit)
            label = f"{t.name}: {variant.name}" + (f" ({total})" if total else "")
            buttons.append(TemplateButton(f"{index}:{t.id}:{variant.id}", label))
        if t.points:
            total = amount_text(t.total.value if t.total else None, unit)
            label = t.name + (f" ({total})" if total else "")
            buttons.append(TemplateButton(f"{index}:{t.id}", label))
            for option in t.options:
                buttons.append(
                    TemplateButton(f"{index}:{t.id}+{option.id}", f"{label} + {option.name}")
                )
    return buttons


def lot_choices(clinic: Clinic, product: str) -> list[tuple[str, str]]:
    """Open vials and lots in stock for the line's product (empty without inventory)."""
    try:
        from glabella.inventory.queries import lots_for_charting
    except ImportError:  # the inventory app is optional for charting
        return []
    return [(choice.value, choice.label) for choice in lots_for_charting(clinic, product)]


def amount_text(value: float | Decimal | None, unit: str) -> str:
    text = decimal_text(value)
    return f"{text} {unit}" if text and unit else ""


def totals(kb: KnowledgeBase, state: ChartState) -> list[TotalView]:
    """Per product, as typed so far: units of different toxins are never added together."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    counts: dict[str, int] = defaultdict(int)
    for point in state.points:
        if not 0 <= point.line < len(state.lines):
            continue
        product = state.lines[point.line].product
        counts[product] += 1
        try:
            sums[product] += Decimal(point.amount)
        except InvalidOperation:
            continue
    return [
        TotalView(
            kb.products[p].name if p in kb.products else p,
            amount_text(sums[p], kb.products[p].unit if p in kb.products else ""),
            counts[p],
        )
        for p in counts
    ]


def diagrams(
    kb: KnowledgeBase, state: ChartState, interactive: bool
) -> list[tuple[str, str, SafeString]]:
    sites: list[str] = [p.site for p in state.points]
    for row in state.lines:
        indication = kb.indications.get(row.indication)
        if indication is not None:
            sites += [s for site in indication.sites for s in kb.sites_in(site)]
        for template in templates_for(kb, row):
            sites += [p.site for p in template.points]
            sites += [p.site for v in template.variants for p in v.points]
    placed = [
        diagram.PlacedPoint(p.site, point_label(p, state), m, p.line)
        for m, p in enumerate(state.points)
        if p.site in kb.sites
    ]
    return [
        (view, diagram.VIEW_NAMES[view], diagram.render(kb, view, placed, interactive=interactive))
        for view in diagram.views_for(kb, sites)
    ]


def point_label(point: PointRow, state: ChartState) -> str:
    return point.amount or "?"


def findings_of(
    assessment: dict[str, Any] | None, acknowledged: dict[tuple[str, int | None, str], str]
) -> list[FindingView]:
    rows = []
    for i, f in enumerate((assessment or {}).get("findings", [])):
        key = (f["code"], f.get("treatment"), f.get("site") or "")
        rows.append(
            FindingView(
                index=i,
                code=f["code"],
                severity=f["severity"],
                message=f["message"],
                source=f.get("source", ""),
                treatment=f.get("treatment"),
                site=f.get("site") or "",
                acknowledged=acknowledged.get(key),
            )
        )
    return rows


def sequencing(kb: KnowledgeBase, lines: list[LineView]) -> list[str]:
    """Toxin and filler in one session: show the knowledge base's sequencing advice."""
    classes = {line.filler for line in lines if line.unit}
    if classes != {True, False}:
        return []
    return [advice.text for advice in kb.sequencing.values()]


def acknowledgements_of(session: Session) -> dict[tuple[str, int | None, str], str]:
    return {(a.code, a.treatment, a.site or ""): a.reason for a in session.acknowledgements.all()}


CHOICES = {"depths": DEPTH_CHOICES, "techniques": TECHNIQUE_CHOICES}
