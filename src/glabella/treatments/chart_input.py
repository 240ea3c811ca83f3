"""Validate a chart (lines of points) against the knowledge base and the clinic's stock.

Input shape, as the pages and the API send it::

    [{"product": "botox_cosmetic", "indication": "glabellar_lines", "template": "glabellar_5_point",
      "lot_id": 12, "vial_id": 40, "diluent_ml": 2.5,
      "points": [{"site": "procerus", "units": 4, "depth": "intramuscular",
                  "technique": "needle", "x": 0.5, "y": 0.3}]}]

Errors name the field as a path (``lines.0.points.3.units``) so a form or JSON client can
show them beside the input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from glabella.accounts.models import Clinic
from glabella.errors import InvalidInput
from glabella.inventory.models import Lot, Vial
from glabella.knowledge import KnowledgeBase, load_knowledge
from glabella.treatments.models import DEPTHS, TECHNIQUES

MAX_LINES = 20
MAX_POINTS = 200
# Sanity bounds against typing slips (1000 for 10.00), not clinical limits: those are the engine's.
MAX_UNITS = Decimal("1000")
MAX_VOLUME_ML = Decimal("50")
DEPTH_VALUES = [value for value, _ in DEPTHS]
TECHNIQUE_VALUES = [value for value, _ in TECHNIQUES]


@dataclass
class PointIn:
    site: str
    units: Decimal | None
    volume_ml: Decimal | None
    depth: str = ""
    technique: str = "needle"
    x: float | None = None
    y: float | None = None


@dataclass
class LineIn:
    product: str
    indication: str
    template: str = ""
    lot: Lot | None = None
    vial: Vial | None = None
    diluent_ml: Decimal | None = None
    points: list[PointIn] = field(default_factory=list)


def clean_lines(clinic: Clinic, lines: Sequence[Mapping[str, Any]]) -> list[LineIn]:
    if not isinstance(lines, Sequence) or len(lines) > MAX_LINES:
        raise InvalidInput("invalid", f"A session holds at most {MAX_LINES} lines.", "lines")
    kb = load_knowledge()
    return [clean_line(clinic, kb, line, f"lines.{i}") for i, line in enumerate(lines)]


def clean_line(clinic: Clinic, kb: KnowledgeBase, raw: Mapping[str, Any], at: str) -> LineIn:
    if not isinstance(raw, Mapping):
        raise InvalidInput("invalid", "Each line is an object.", at)
    product = known(raw.get("product"), kb.products, f"{at}.product", "product")
    indication = known(raw.get("indication"), kb.indications, f"{at}.indication", "indication")
    template = raw.get("template") or ""
    if template:
        known(template, kb.templates, f"{at}.template", "template")
    toxin = kb.products[product].product_class == "toxin"
    points = raw.get("points") or []
    if not isinstance(points, Sequence) or len(points) > MAX_POINTS:
        raise InvalidInput("invalid", f"A line holds at most {MAX_POINTS} points.", f"{at}.points")
    lot, vial = stock(clinic, product, raw.get("lot_id"), raw.get("vial_id"), at)
    return LineIn(
        product=product,
        indication=indication,
        template=template,
        lot=lot,
        vial=vial,
        diluent_ml=amount(raw.get("diluent_ml"), f"{at}.diluent_ml", Decimal("100"), True),
        points=[clean_point(kb, p, toxin, f"{at}.points.{j}") for j, p in enumerate(points)],
    )


def clean_point(kb: KnowledgeBase, raw: Mapping[str, Any], toxin: bool, at: str) -> PointIn:
    if not isinstance(raw, Mapping):
        raise InvalidInput("invalid", "Each point is an object.", at)
    site = known(raw.get("site"), kb.sites, f"{at}.site", "site")
    units, volume = raw.get("units"), raw.get("volume_ml")
    if toxin and (units is None or volume is not None):
        raise InvalidInput("invalid", "A toxin point takes units (U), not mL.", f"{at}.units")
    if not toxin and (volume is None or units is not None):
        raise InvalidInput("invalid", "A filler point takes mL, not units.", f"{at}.volume_ml")
    depth = raw.get("depth") or ""
    if depth not in DEPTH_VALUES:
        allowed = ", ".join(v for v in DEPTH_VALUES if v)
        raise InvalidInput("invalid", f"Depth must be one of: {allowed}.", f"{at}.depth")
    technique = raw.get("technique") or "needle"
    if technique not in TECHNIQUE_VALUES:
        raise InvalidInput("invalid", "Technique is needle or cannula.", f"{at}.technique")
    return PointIn(
        site=site,
        units=amount(units, f"{at}.units", MAX_UNITS) if toxin else None,
        volume_ml=None if toxin else amount(volume, f"{at}.volume_ml", MAX_VOLUME_ML),
        depth=depth,
        technique=technique,
        x=position(raw.get("x"), f"{at}.x"),
        y=position(raw.get("y"), f"{at}.y"),
    )


def known(value: Any, ids: Mapping[str, Any], at: str, what: str) -> str:
    if not isinstance(value, str) or value not in ids:
        raise InvalidInput("unknown_id", f"Unknown {what} {value!r}.", at)
    return value


def amount(value: Any, at: str, ceiling: Decimal, optional: bool = False) -> Decimal | None:
    if value is None and optional:
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise InvalidInput("invalid", "Enter a number.", at) from None
    if not number.is_finite() or number <= 0 or number > ceiling:
        raise InvalidInput("invalid", f"Enter an amount above 0 and at most {ceiling}.", at)
    return number


def position(value: Any, at: str) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidInput("invalid", "A diagram position is a number from 0 to 1.", at) from None
    if not 0 <= number <= 1:
        raise InvalidInput("invalid", "A diagram position is a number from 0 to 1.", at)
    return number


def stock(
    clinic: Clinic, product: str, lot_id: Any, vial_id: Any, at: str
) -> tuple[Lot | None, Vial | None]:
    """The line's lot and vial, of this clinic and this product; a vial implies its lot."""
    vial = None
    if vial_id is not None:
        vial = Vial.objects.select_related("lot").filter(clinic=clinic, pk=vial_id).first()
        if vial is None or vial.lot.product != product:
            raise InvalidInput("unknown_vial", "No such vial of this product.", f"{at}.vial_id")
    lot = vial.lot if vial is not None else None
    if lot_id is not None:
        lot = Lot.objects.filter(clinic=clinic, pk=lot_id).first()
        if lot is None or lot.product != product:
            raise InvalidInput("unknown_lot", "No such lot of this product.", f"{at}.lot_id")
        if vial is not None and vial.lot_id != lot.pk:
            raise InvalidInput("invalid", "The vial is not from this lot.", f"{at}.vial_id")
    return lot, vial
