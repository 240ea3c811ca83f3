"""Checks on where the points go: infected sites and vascular danger zones."""

from __future__ import annotations

from glabella.rules.context import Context


def infection(ctx: Context) -> None:
    named = ctx.proposal.patient.infection_sites
    if not named:
        return
    coverage = ctx.index.coverage
    infected: set[str] = set()
    for item in named:
        infected |= coverage.get(item, frozenset())
    for line in ctx.lines:
        seen: set[str] = set()
        for point in line.treatment.points:
            if point.site in infected and point.site not in seen:
                seen.add(point.site)
                ctx.emit(
                    "SITE_INFECTION",
                    "block",
                    line,
                    f"Infection at {ctx.site_name(point.site)}: do not inject {line.what} "
                    "there until the infection has healed.",
                    line.label.source if line.label else None,
                    site=point.site,
                )


def high_risk_area(ctx: Context) -> None:
    danger = ctx.index.danger_sites
    for line in ctx.lines:
        if line.is_toxin:
            continue
        seen: set[str] = set()
        for point in line.treatment.points:
            if point.site in danger and point.site not in seen:
                seen.add(point.site)
                ctx.emit(
                    "HIGH_RISK_AREA",
                    "info",
                    line,
                    f"{ctx.site_name(point.site)} is a vascular danger zone: inject "
                    f"{line.product.name} slowly in small volumes and keep hyaluronidase and "
                    "the occlusion protocol at hand.",
                    danger[point.site],
                    site=point.site,
                )
