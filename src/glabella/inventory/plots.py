"""The dashboard's usage and waste chart, drawn server side as SVG (no JavaScript needed)."""

from __future__ import annotations

import io
from datetime import date

from matplotlib.figure import Figure

from glabella.inventory.queries import UsageRow


def usage_svg(rows: list[UsageRow], start: date, end: date) -> bytes:
    """Administered and wasted amount per product, stacked; units and mL kept apart by label."""
    figure = Figure(figsize=(7, max(2.0, 0.45 * len(rows) + 1.2)))
    axes = figure.add_subplot()
    labels = [f"{row.product} ({row.unit})" for row in rows]
    administered = [float(row.administered) for row in rows]
    wasted = [float(row.wasted) for row in rows]
    axes.barh(labels, administered, color="#2f6f9f", label="administered")
    axes.barh(labels, wasted, left=administered, color="#d08c2c", label="discarded (waste)")
    axes.invert_yaxis()
    axes.set_title(f"Usage and waste, {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    if rows:
        axes.legend(loc="lower right")
    else:
        axes.text(0.5, 0.5, "No usage in this period", ha="center", va="center")
        axes.set_axis_off()
    figure.tight_layout()
    buffer = io.BytesIO()
    # A fixed hash salt and no date make the SVG identical for identical data.
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
