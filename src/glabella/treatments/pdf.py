"""The printable chart of a signed session, rendered with WeasyPrint.

The diagram is static SVG from the sites' diagram positions (``pdf_diagram``). Styles
come from ``pdf.css`` beside this module and reach WeasyPrint directly, so the HTML
template holds no inline style (the CSP test scans every template). Nothing is fetched
over the network: ``url_fetcher`` refuses every URL.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from glabella.errors import Conflict
from glabella.knowledge import KnowledgeBase, load_knowledge
from glabella.treatments.models import InjectionPoint, Session, TreatmentLine
from glabella.treatments.pdf_diagram import svgs
from glabella.treatments.proposal import lines_of

CSS_FILE = Path(__file__).with_name("pdf.css")


def render_pdf(session: Session) -> bytes:
    """PDF bytes of a signed session; a draft is refused (its chart is not final)."""
    if not session.is_signed:
        raise Conflict("draft", "Only a signed session has a printable chart.")
    from weasyprint import CSS, HTML

    html = render_html(session)
    stylesheet = CSS(string=CSS_FILE.read_text(encoding="utf-8"))
    document = HTML(string=html, url_fetcher=refuse_fetch)
    return bytes(document.write_pdf(stylesheets=[stylesheet]))


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"The printable chart loads no external resource ({url}).")


def render_html(session: Session) -> str:
    return render_to_string("treatments/pdf/session.html", context(session))


def context(session: Session) -> dict[str, Any]:
    kb = load_knowledge()
    lines = lines_of(session)
    return {
        "session": session,
        "patient": session.patient,
        "lines": [line_view(kb, i, line) for i, line in enumerate(lines)],
        "totals": totals(lines),
        "diagrams": diagrams(kb, lines),
        "assessment": session.assessment or {},
        "acknowledgements": list(session.acknowledgements.select_related("by")),
        "addenda": list(session.addenda.select_related("author")),
        "cosignatures": list(session.cosignatures.select_related("physician")),
    }


def line_view(kb: KnowledgeBase, index: int, line: TreatmentLine) -> dict[str, Any]:
    points = list(line.points.all())
    return {
        "number": index + 1,
        "product": kb.products[line.product].name if line.product in kb.products else line.product,
        "indication": name_of(kb.indications, line.indication),
        "lot": line.lot,
        "vial": line.vial,
        "points": [
            {"site": name_of(kb.sites, p.site), "amount": p.amount_text, "point": p} for p in points
        ],
        "total": amount_total(points),
    }


def name_of(table: dict[str, Any], key: str) -> str:
    return str(table[key].name) if key in table else key


def amount_total(points: list[InjectionPoint]) -> str:
    units = sum((p.units for p in points if p.units is not None), Decimal(0))
    volume = sum((p.volume_ml for p in points if p.volume_ml is not None), Decimal(0))
    return f"{units.normalize():f} U" if units else f"{volume.normalize():f} mL"


def totals(lines: list[TreatmentLine]) -> list[dict[str, str]]:
    """One total per product (units of different toxins never added)."""
    by_product: dict[str, list[InjectionPoint]] = defaultdict(list)
    for line in lines:
        by_product[line.product].extend(line.points.all())
    return [{"product": p, "amount": amount_total(points)} for p, points in by_product.items()]


def diagrams(kb: KnowledgeBase, lines: list[TreatmentLine]) -> list[SafeString]:
    return svgs(kb, [point for line in lines for point in line.points.all()])
