"""Chart diagrams as inline SVG, drawn from the knowledge base's site positions.

Each view (front face, back of head and neck, axillae, eyes, hands) is a simple outline
drawing plus one circle per site at the site's normalised ``diagram`` position, so a
site added to the data files appears on the chart without touching this module. Points
already charted are drawn on top with their dose. The charting page makes site circles
clickable (``static/treatments/chart.js``) and the points movable, by dragging or with
the arrow keys; a moved point is drawn at its saved position. The printable chart draws the
same SVG with ``interactive=False``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from glabella.knowledge import KnowledgeBase
from glabella.knowledge.schema import Site, View

WIDTH = 300
HEIGHT = 360
VIEW_NAMES: dict[str, str] = {
    "face_front": "Front of the face and neck",
    "head_back": "Back of the head and neck",
    "axillae": "Axillae",
    "eye": "Eyes and eye muscles",
    "hands": "Backs of the hands",
}
VIEW_ORDER: tuple[View, ...] = ("face_front", "head_back", "axillae", "eye", "hands")

# Outline drawings in the 300 x 360 box. The patient's left is the viewer's right on the
# front views (the data files place ``_l`` sites at x > 0.5), as on a paper chart.
OUTLINES: dict[str, str] = {
    "face_front": (
        '<path class="outline" d="M110 300 L110 360 M190 300 L190 360"/>'
        '<ellipse class="outline" cx="150" cy="165" rx="114" ry="145"/>'
        '<path class="outline" d="M85 108 Q105 98 128 106 M172 106 Q195 98 215 108"/>'
        '<ellipse class="outline" cx="105" cy="133" rx="20" ry="8"/>'
        '<ellipse class="outline" cx="195" cy="133" rx="20" ry="8"/>'
        '<path class="outline" d="M143 120 L138 165 Q150 172 162 165 L157 120"/>'
        '<path class="outline" d="M122 232 Q150 218 178 232 Q150 252 122 232 Z"/>'
    ),
    "head_back": (
        '<ellipse class="outline" cx="150" cy="120" rx="100" ry="105"/>'
        '<path class="outline" d="M112 215 L108 260 Q60 280 20 320 M188 215 L192 260 '
        'Q240 280 280 320"/>'
        '<path class="outline" d="M150 40 L150 250"/>'
    ),
    "axillae": (
        '<path class="outline" d="M40 60 Q60 180 55 330 M260 60 Q240 180 245 330"/>'
        '<path class="outline" d="M40 60 Q150 20 260 60"/>'
        '<ellipse class="outline" cx="75" cy="180" rx="30" ry="45"/>'
        '<ellipse class="outline" cx="225" cy="180" rx="30" ry="45"/>'
    ),
    "eye": (
        '<circle class="outline" cx="75" cy="180" r="55"/>'
        '<circle class="outline" cx="225" cy="180" r="55"/>'
        '<circle class="outline" cx="75" cy="180" r="18"/>'
        '<circle class="outline" cx="225" cy="180" r="18"/>'
        '<path class="outline" d="M15 180 Q75 110 135 180 Q75 250 15 180 Z '
        'M165 180 Q225 110 285 180 Q225 250 165 180 Z"/>'
    ),
    "hands": (
        '<path class="outline" d="M40 320 L40 170 Q40 90 75 70 Q110 90 110 170 L110 320 Z"/>'
        '<path class="outline" d="M190 320 L190 170 Q190 90 225 70 Q260 90 260 170 L260 320 Z"/>'
    ),
}


T = TypeVar("T")

# Markup that depends only on the knowledge base, per knowledge base object. Keyed by
# identity, not by version, so a policy-adjusted or test-built base never reuses another
# base's markup; the entry holds the base itself, so its id cannot be reused meanwhile.
_BY_KB: dict[tuple[int, Hashable], tuple[KnowledgeBase, Any]] = {}
_BY_KB_LIMIT = 64


def cached_for(kb: KnowledgeBase, key: Hashable, build: Callable[[], T]) -> T:
    """``build()`` once per knowledge base and ``key``; later calls return the same value."""
    entry = _BY_KB.get((id(kb), key))
    if entry is not None and entry[0] is kb:
        return entry[1]  # type: ignore[no-any-return]
    value = build()
    if len(_BY_KB) >= _BY_KB_LIMIT:
        _BY_KB.clear()
    _BY_KB[(id(kb), key)] = (kb, value)
    return value


@dataclass(frozen=True, slots=True)
class PlacedPoint:
    """A charted point to draw: its site, the dose label and its row in the points table.

    ``x`` and ``y`` are the point's saved position (0-1) when it was moved off its site.
    """

    site: str
    label: str
    index: int
    line: int = 0
    x: float | None = None
    y: float | None = None


def position(site: Site) -> tuple[float, float]:
    return site.diagram.x * WIDTH, site.diagram.y * HEIGHT


def coords(x: float, y: float) -> tuple[str, str]:
    # format_html escapes its arguments into strings, so numbers are formatted first.
    return f"{x:.1f}", f"{y:.1f}"


def views_for(kb: KnowledgeBase, site_ids: Iterable[str]) -> list[View]:
    """The views that draw any of these sites, in a fixed order; the front face by default."""
    wanted = {kb.sites[site].diagram.view for site in site_ids if site in kb.sites}
    return [view for view in VIEW_ORDER if view in wanted] or ["face_front"]


def render(
    kb: KnowledgeBase,
    view: View,
    points: Sequence[PlacedPoint] = (),
    *,
    interactive: bool = True,
) -> SafeString:
    """One view's SVG: outline, a circle per site, and the charted points with their doses."""
    here, drawing = cached_for(
        kb, ("view", view, interactive), lambda: view_base(kb, view, interactive)
    )
    placed = [p for p in points if p.site in here]
    body = mark_safe(drawing + point_markup(kb, placed, interactive))
    return format_html(
        '<svg class="chart-diagram" viewBox="0 0 {} {}" role="group" aria-labelledby="{}">'
        '<title id="{}">{}</title>{}</svg>',
        WIDTH,
        HEIGHT,
        f"diagram-{view}-title",
        f"diagram-{view}-title",
        VIEW_NAMES.get(view, view),
        body,
    )


def view_base(kb: KnowledgeBase, view: View, interactive: bool) -> tuple[frozenset[str], str]:
    """The sites a view draws and its fixed markup (outline and site circles)."""
    sites = [site for site in kb.sites.values() if site.diagram.view == view]
    return frozenset(site.id for site in sites), OUTLINES.get(view, "") + site_markup(
        sites, interactive
    )


def site_markup(sites: Sequence[Site], interactive: bool) -> str:
    # Site circles are keyboard targets on the charting page (Enter or Space adds a point).
    template = (
        '<g class="site" data-site="{}" tabindex="0" role="button" '
        'aria-label="Add a point at {}"><circle cx="{}" cy="{}" r="7"/>'
        "<title>{}</title></g>"
        if interactive
        else '<g class="site"><circle cx="{}" cy="{}" r="5"/><title>{}</title></g>'
    )
    rows = (
        (site.id, site.name, *coords(*position(site)), site.name)
        if interactive
        else (*coords(*position(site)), site.name)
        for site in sites
    )
    return str(format_html_join("", template, rows))


POINT_MARKER = (
    '<g class="point line-{}" data-point="{}"><circle cx="{}" cy="{}" r="5"/>'
    '<text x="{}" y="{}" text-anchor="middle">{}</text></g>'
)
# On the charting page a point is a keyboard target too (arrow keys move it, Enter saves).
# The stylesheet lets clicks pass through points to the sites below; the circle's own
# pointer-events attribute takes it back, so the point can be dragged.
MOVABLE_MARKER = (
    '<g class="point line-{}" data-point="{}" tabindex="0" role="button" '
    'aria-label="Point {}: drag, or use the arrow keys and Enter, to move it">'
    '<circle cx="{}" cy="{}" r="5" pointer-events="all"/>'
    '<text x="{}" y="{}" text-anchor="middle">{}</text></g>'
)


def point_markup(
    kb: KnowledgeBase, points: Sequence[PlacedPoint], interactive: bool = False
) -> str:
    """The charted points: a moved point at its saved position, the rest on their sites.

    Several unmoved points may share one site (two per corrugator): they fan out so each shows.
    """
    by_site: dict[str, list[PlacedPoint]] = defaultdict(list)
    placed: list[tuple[PlacedPoint, float, float]] = []
    for point in points:
        if point.x is not None and point.y is not None:
            placed.append((point, point.x * WIDTH, point.y * HEIGHT))
        else:
            by_site[point.site].append(point)
    for site_id, group in by_site.items():
        x, y = position(kb.sites[site_id])
        for n, point in enumerate(group):
            placed.append((point, x + (n - (len(group) - 1) / 2) * 16, y))
    placed.sort(key=lambda entry: entry[0].index)
    rows = (
        (
            point.line % 6,
            point.index,
            *((point.index + 1,) if interactive else ()),
            *coords(x, y),
            *coords(x, y - 10),
            point.label,
        )
        for point, x, y in placed
    )
    return str(format_html_join("", MOVABLE_MARKER if interactive else POINT_MARKER, rows))
