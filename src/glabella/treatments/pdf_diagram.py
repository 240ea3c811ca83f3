"""The printed chart's diagram: static SVG of each view with the charted points.

Shares the charting page's outlines and layout (``diagram``), but draws points where the
injector put them (a moved point's x/y, else the site's position) and needs no script.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from glabella.knowledge import KnowledgeBase
from glabella.treatments.diagram import HEIGHT, OUTLINES, VIEW_NAMES, WIDTH, views_for
from glabella.treatments.models import InjectionPoint


def svgs(kb: KnowledgeBase, points: Sequence[InjectionPoint]) -> list[SafeString]:
    charted = [p for p in points if p.site in kb.sites]
    return [view_svg(kb, view, charted) for view in views_for(kb, [p.site for p in charted])]


def view_svg(kb: KnowledgeBase, view: str, points: Sequence[InjectionPoint]) -> SafeString:
    sites = [s for s in kb.sites.values() if s.diagram.view == view]
    marks = [
        f'<g class="site"><circle cx="{s.diagram.x * WIDTH:.1f}" cy="{s.diagram.y * HEIGHT:.1f}"'
        f' r="4"/></g>'
        for s in sites
    ]
    here = [p for p in points if kb.sites[p.site].diagram.view == view]
    body = OUTLINES.get(view, "") + "".join(marks) + point_marks(kb, here)
    title = escape(VIEW_NAMES.get(view, view))
    # Every interpolated text is escaped above; the numbers are formatted floats.
    return mark_safe(
        f'<svg class="chart-diagram" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}"><title>{title}</title>{body}</svg>'
    )


def point_marks(kb: KnowledgeBase, points: Sequence[InjectionPoint]) -> str:
    # Points sharing a site without a moved position fan out so each label shows.
    shared: dict[str, int] = defaultdict(int)
    out = []
    for point in points:
        site = kb.sites[point.site].diagram
        if point.x is not None and point.y is not None:
            x, y = point.x * WIDTH, point.y * HEIGHT
        else:
            x, y = site.x * WIDTH + shared[point.site] * 14, site.y * HEIGHT
            shared[point.site] += 1
        out.append(
            f'<g class="point"><circle cx="{x:.1f}" cy="{y:.1f}" r="4"/>'
            f'<text x="{x:.1f}" y="{y - 7:.1f}" text-anchor="middle">'
            f"{escape(point.amount_text)}</text></g>"
        )
    return "".join(out)
