"""Everything the charting page shows, built from the form state and the engine's findings.

The page and its HTMX partial render from one context, so the first load, every live
change and a refused save all draw the same thing.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import SafeData, SafeString, mark_safe

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
    lot_options: SafeString


@dataclass
class PointView:
    index: int
    row: PointRow
    site_name: str
    unit: str
    depth_options: SafeString
    technique_options: SafeString

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def line_number(self) -> int:
        return self.row.line + 1

    def row_html(self) -> str:
        """The point's row of the points table, every value escaped as the template would."""
        row = self.row
        values: dict[str, str] = {
            "m": str(self.index),
            "number": str(self.number),
            "line_number": str(self.line_number),
            "line": str(row.line),
            "site": row.site,
            "site_name": self.site_name,
            "x": row.x,
            "y": row.y,
            "amount": row.amount,
            "unit": self.unit,
            "depth_options": self.depth_options,
            "technique_options": self.technique_options,
        }
        return POINT_ROW.format_map({key: escaped(v) for key, v in values.items()})


def escaped(value: str) -> str:
    """``conditional_escape`` without its lazy-string checks, which show at ~500 calls a page."""
    return value if isinstance(value, SafeData) else html.escape(value)


# A 40-point chart renders this row 40 times; as template markup its ~25 variables per row
# cost more than the rest of the page's template together, so it is formatted here.
POINT_ROW = """
        <tr>
          <td>{number}</td>
          <td>{line_number}<input type="hidden" name="points-{m}-line" value="{line}"></td>
          <td>
            <input name="points-{m}-site" list="site-list" value="{site}" aria-label="Site of point {number}" autocomplete="off">
            <small>{site_name}</small>
            <input type="hidden" name="points-{m}-x" value="{x}">
            <input type="hidden" name="points-{m}-y" value="{y}">
          </td>
          <td><input class="amount" name="points-{m}-amount" value="{amount}" inputmode="decimal" aria-label="Dose at point {number} ({unit})"> {unit}</td>
          <td>
            <select name="points-{m}-depth" aria-label="Depth of point {number}">
              {depth_options}
            </select>
          </td>
          <td>
            <select name="points-{m}-technique" aria-label="Technique of point {number}">
              {technique_options}
            </select>
          </td>
          <td class="inline-actions"><button type="submit" name="remove_point" value="{m}" class="outline secondary" aria-label="Remove point {number}">Remove</button></td>
        </tr>"""  # noqa: E501


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
    draft_reason: str = ""


@dataclass
class ChartView:
    lines: list[LineView]
    points: list[PointView]
    totals: list[TotalView]
    diagrams: list[tuple[str, str, SafeString]]
    findings: list[FindingView] = field(default_factory=list)
    verdict: str = "ok"
    sequencing: list[str] = field(default_factory=list)

    @property
    def point_rows(self) -> SafeString:
        return mark_safe("".join(point.row_html() for point in self.points))


def chart_view(
    clinic: Clinic,
    state: ChartState,
    assessment: dict[str, Any] | None,
    acknowledged: dict[tuple[str, int | None, str], str],
    *,
    interactive: bool = True,
    typed: Mapping[FindingKey, str] | None = None,
) -> ChartView:
    kb = load_knowledge()
    # Every line's lot list in one look-up: two queries for the chart, not two per line.
    lots = lot_choices_for(clinic, [row.product for row in state.lines]) if interactive else {}
    lines = [line_view(kb, i, row, interactive, lots) for i, row in enumerate(state.lines)]
    units = [line.unit for line in lines]
    points = [
        PointView(
            m,
            p,
            site_name(kb, p.site),
            units[p.line] if 0 <= p.line < len(units) else "",
            options_html(DEPTH_OPTIONS, p.depth),
            options_html(TECHNIQUE_OPTIONS, p.technique),
        )
        for m, p in enumerate(state.points)
    ]
    findings = findings_of(assessment, acknowledged, typed or {})
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
    kb: KnowledgeBase,
    index: int,
    row: LineRow,
    interactive: bool,
    lots: dict[str, list[tuple[str, str]]],
) -> LineView:
    """One line; ``lots`` holds the lot choices by product (empty when not interactive)."""
    product = kb.products.get(row.product)
    indication = kb.indications.get(row.indication)
    choices = lots.get(row.product, [])
    return LineView(
        index=index,
        row=row,
        product_name=product.name if product else row.product,
        indication_name=indication.name if indication else row.indication,
        unit=product.unit if product else "",
        filler=product is not None and product.product_class == "filler",
        buttons=template_buttons(kb, index, row) if interactive else [],
        lots=list(choices),
        lot_options=options_html(option_parts(choices), row.lot),
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


def lot_choices_for(clinic: Clinic, products: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Open vials and lots in stock for each product (empty without inventory)."""
    try:
        from glabella.inventory.queries import lots_for_charting_many
    except ImportError:  # the inventory app is optional for charting
        return {}
    if not products:
        return {}
    return {
        product: [(choice.value, choice.label) for choice in choices]
        for product, choices in lots_for_charting_many(clinic, products).items()
    }


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
        diagram.PlacedPoint(p.site, point_label(p, state), m, p.line, moved_to(p.x), moved_to(p.y))
        for m, p in enumerate(state.points)
        if p.site in kb.sites
    ]
    return [
        (view, diagram.VIEW_NAMES[view], diagram.render(kb, view, placed, interactive=interactive))
        for view in diagram.views_for(kb, sites)
    ]


def point_label(point: PointRow, state: ChartState) -> str:
    return point.amount or "?"


def moved_to(text: str) -> float | None:
    """A point's posted diagram coordinate (0-1); blank or unreadable means its site's."""
    try:
        number = float(text) if text else None
    except ValueError:
        return None
    return number if number is not None and 0 <= number <= 1 else None


def findings_of(
    assessment: dict[str, Any] | None,
    acknowledged: dict[tuple[str, int | None, str], str],
    typed: Mapping[FindingKey, str],
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
                draft_reason=typed.get(key, ""),
            )
        )
    return rows


def sequencing(kb: KnowledgeBase, lines: list[LineView]) -> list[str]:
    """Toxin and filler in one session: show the knowledge base's sequencing advice."""
    classes = {line.filler for line in lines if line.unit}
    if classes != {True, False}:
        return []
    return [advice.text for advice in kb.sequencing.values()]


FindingKey = tuple[str, int | None, str]


def typed_reasons(data: QueryDict) -> dict[FindingKey, str]:
    """Reasons typed beside warnings but not stored yet, keyed by finding, not position.

    The findings panel is redrawn on every change to the chart; without this a reason the
    injector had typed would vanish when they then corrected a dose.
    """
    typed: dict[FindingKey, str] = {}
    count = data.get("ack-count", "")
    for k in range(min(int(count) if count.isdigit() else 0, 100)):
        reason = data.get(f"ack-{k}-reason", "").strip()
        if not reason:
            continue
        treatment = data.get(f"ack-{k}-treatment", "")
        key = (
            data.get(f"ack-{k}-code", ""),
            int(treatment) if treatment.isdigit() else None,
            data.get(f"ack-{k}-site", ""),
        )
        typed[key] = reason
    return typed


def acknowledgements_of(session: Session) -> dict[tuple[str, int | None, str], str]:
    return {(a.code, a.treatment, a.site or ""): a.reason for a in session.acknowledgements.all()}


CHOICES = {"depths": DEPTH_CHOICES, "techniques": TECHNIQUE_CHOICES}

OptionParts = tuple[tuple[str, SafeString, SafeString], ...]


def option_parts(choices: Iterable[tuple[str, str]]) -> OptionParts:
    """Each choice's ``<option>``, unselected and selected, escaped once up front.

    A 40-point chart has two selects per point; joining ready-made strings costs a
    fraction of looping over the choices in the template for every point.
    """
    return tuple(
        (
            value,
            format_html('<option value="{}">{}</option>', value, label),
            format_html('<option value="{}" selected>{}</option>', value, label),
        )
        for value, label in choices
    )


def options_html(parts: OptionParts, selected: str) -> SafeString:
    """The options of a select with ``selected`` marked (none when it is not a choice)."""
    return mark_safe("".join(on if value == selected else off for value, off, on in parts))


DEPTH_OPTIONS = option_parts(DEPTH_CHOICES)
TECHNIQUE_OPTIONS = option_parts(TECHNIQUE_CHOICES)
