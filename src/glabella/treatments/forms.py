"""The charting form's state: what the page posts, read back into lines and points.

The charting page is one HTML form: a row per treatment line (``lines-N-…``), a row per
injection point (``points-M-…``, each naming its line) and a few buttons that change the
draft (apply a template, add a line, remove a point). :class:`ChartState` reads that post,
applies the button's change and hands the result to ``actions.save_chart``; the action
validates every value, so this module only shapes strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.http import QueryDict

from glabella.knowledge import KnowledgeBase
from glabella.treatments.models import DEPTHS, NEEDLE, TECHNIQUES, Session, TreatmentLine

MAX_ROWS = 200


@dataclass
class LineRow:
    product: str = ""
    indication: str = ""
    template: str = ""
    lot: str = ""
    volume: str = ""


@dataclass
class PointRow:
    line: int = 0
    site: str = ""
    amount: str = ""
    depth: str = ""
    technique: str = NEEDLE
    x: str = ""
    y: str = ""


@dataclass
class ChartState:
    lines: list[LineRow] = field(default_factory=list)
    points: list[PointRow] = field(default_factory=list)
    active_line: int = 0

    @classmethod
    def from_post(cls, data: QueryDict) -> ChartState:
        lines = [
            LineRow(**{name: data.get(f"lines-{i}-{name}", "").strip() for name in LINE_FIELDS})
            for i in range(min(count(data, "lines"), MAX_ROWS))
        ]
        points = [point_from_post(data, m) for m in range(min(count(data, "points"), MAX_ROWS))]
        return cls(lines, points, as_index(data.get("active_line", "0")))

    @classmethod
    def from_session(cls, session: Session) -> ChartState:
        state = cls()
        for i, line in enumerate(session.lines.all()):
            state.lines.append(
                LineRow(line.product, line.indication, line.template, stock_value(line))
            )
            for point in line.points.all():
                amount = point.units if point.units is not None else point.volume_ml
                state.points.append(
                    PointRow(
                        i,
                        point.site,
                        decimal_text(amount),
                        point.depth,
                        point.technique,
                        "" if point.x is None else str(point.x),
                        "" if point.y is None else str(point.y),
                    )
                )
        return state

    def points_of(self, line: int) -> list[tuple[int, PointRow]]:
        return [(m, point) for m, point in enumerate(self.points) if point.line == line]

    def payload(self, kb: KnowledgeBase) -> list[dict[str, Any]]:
        """The lines as ``save_chart`` takes them; toxin doses in units, filler in mL."""
        return [
            {
                "product": line.product,
                "indication": line.indication,
                "template": line.template,
                **stock_ids(line.lot),
                "points": [
                    point_payload(kb, line.product, point) for _, point in self.points_of(i)
                ],
            }
            for i, line in enumerate(self.lines)
        ]

    # Changes the buttons make ------------------------------------------------------------

    def add_line(self, product: str, indication: str) -> None:
        self.lines.append(LineRow(product=product, indication=indication))
        self.active_line = len(self.lines) - 1

    def remove_line(self, index: int) -> None:
        if 0 <= index < len(self.lines):
            del self.lines[index]
            self.points = [
                replace(p, line=p.line - 1 if p.line > index else p.line)
                for p in self.points
                if p.line != index
            ]
            self.active_line = 0

    def remove_point(self, index: int) -> None:
        if 0 <= index < len(self.points):
            del self.points[index]

    def add_point(self, kb: KnowledgeBase, site: str) -> None:
        if not self.lines or site not in kb.sites:
            return
        line = min(self.active_line, len(self.lines) - 1)
        self.points.append(
            PointRow(line=line, site=site, amount=self.default_amount(kb, line, site))
        )

    def apply_template(self, kb: KnowledgeBase, choice: str) -> None:
        """``choice`` is ``line:template[:variant|+option]`` from a template button."""
        line_text, _, rest = choice.partition(":")
        line = as_index(line_text)
        template_id, _, variant = rest.partition(":")
        template_id, _, option = template_id.partition("+")
        template = kb.templates.get(template_id)
        if template is None or not 0 <= line < len(self.lines):
            return
        chosen = next((v for v in template.variants if v.id == variant), None)
        rows = list(chosen.points if chosen else template.points)
        self.points = [p for p in self.points if p.line != line]
        # Filler templates leave volumes to the injector: the line's "mL per point" fills them.
        for row in rows:
            amount = row.units if row.units is not None else row.volume_ml
            text = decimal_text(amount) or self.lines[line].volume
            self.points.append(PointRow(line=line, site=row.site, amount=text))
        extra = next((o for o in template.options if o.id == option), None)
        if extra is not None:
            self.add_option_points(line, extra.sites, extra.units_per_point)
        self.lines[line].template = template_id
        self.active_line = line

    def add_option_points(self, line: int, sites: tuple[str, ...], units: float | None) -> None:
        for site in sites:
            self.points.append(PointRow(line=line, site=site, amount=decimal_text(units)))

    def default_amount(self, kb: KnowledgeBase, line: int, site: str) -> str:
        """A starting dose for a tapped site, to be edited: the template's for that site,
        else the line's last point's, else the line's "mL per point" (or blank to type)."""
        row = self.lines[line]
        for template in kb.templates.values():
            if template.indication == row.indication and row.product in template.products:
                for point in template.points:
                    dose = decimal_text(point.units or point.volume_ml)
                    if point.site == site and dose:
                        return dose
        same_line = self.points_of(line)
        return same_line[-1][1].amount if same_line else row.volume


LINE_FIELDS = ("product", "indication", "template", "lot", "volume")


def stock_value(line: TreatmentLine) -> str:
    """The lot picker's value for a saved line: ``vial:ID``, ``lot:ID`` or blank."""
    if line.vial_id is not None:
        return f"vial:{line.vial_id}"
    return f"lot:{line.lot_id}" if line.lot_id is not None else ""


def stock_ids(value: str) -> dict[str, int | None]:
    kind, _, number = value.partition(":")
    ids: dict[str, int | None] = {"lot_id": None, "vial_id": None}
    if kind in {"lot", "vial"} and number.isdigit():
        ids[f"{kind}_id"] = int(number)
    return ids


def count(data: QueryDict, prefix: str) -> int:
    try:
        return max(0, int(data.get(f"{prefix}-count", "0")))
    except ValueError:
        return 0


def as_index(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1


def point_from_post(data: QueryDict, m: int) -> PointRow:
    def value(name: str) -> str:
        return data.get(f"points-{m}-{name}", "").strip()

    return PointRow(
        line=as_index(value("line")),
        site=value("site"),
        amount=value("amount"),
        depth=value("depth"),
        technique=value("technique") or NEEDLE,
        x=value("x"),
        y=value("y"),
    )


def point_payload(kb: KnowledgeBase, product: str, point: PointRow) -> dict[str, Any]:
    known = kb.products.get(product)
    amount_key = "volume_ml" if known is not None and known.unit == "mL" else "units"
    # A blank amount goes through as "" so the action answers "Enter a number" for it.
    return {
        "site": point.site,
        amount_key: point.amount,
        "depth": point.depth,
        "technique": point.technique,
        "x": point.x or None,
        "y": point.y or None,
    }


def decimal_text(value: Decimal | float | None) -> str:
    """``4.00`` → ``4``, ``0.10`` → ``0.1``: how a dose reads in a field."""
    if value is None:
        return ""
    try:
        number = Decimal(str(value)).normalize()
    except InvalidOperation:
        return str(value)
    return f"{number:f}"


class AcknowledgeForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class AddendumForm(forms.Form):
    reason = forms.CharField(max_length=500, help_text="Why the signed record needs a correction")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="Correction")


DEPTH_CHOICES = DEPTHS
TECHNIQUE_CHOICES = TECHNIQUES
