"""The rule engine: ``assess(proposal) -> Assessment``, plus JSON entry points.

Pure Python: no Django, no I/O beyond loading the shipped knowledge base once.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import ValidationError

from glabella.knowledge import KnowledgeBase, load_knowledge
from glabella.rules import context
from glabella.rules.checks import CHECKS
from glabella.rules.contract import Assessment, Finding, Proposal, Total
from glabella.rules.errors import from_validation_error
from glabella.rules.index import index_for
from glabella.rules.lines import line_results
from glabella.rules.severity import RANK, verdict
from glabella.rules.validate import validate_ids


def assess(proposal: Proposal, kb: KnowledgeBase | None = None) -> Assessment:
    """Assess a structurally valid proposal; raise ProposalError for unknown ids."""
    index = index_for(kb if kb is not None else load_knowledge())
    validate_ids(proposal, index)
    ctx = context.build(proposal, index)
    for check in CHECKS:
        check(ctx)
    findings = sorted(ctx.findings, key=_order)
    return Assessment(
        verdict=verdict([f.severity for f in findings]),
        findings=findings,
        totals=totals(ctx),
        knowledge_version=index.version,
        lines=line_results(ctx),
    )


def _order(finding: Finding) -> tuple[int, int]:
    # Most severe first; whole-proposal findings before those of treatment 0, 1, ...
    where = -1 if finding.treatment is None else finding.treatment
    return (-RANK[finding.severity], where)


def totals(ctx: context.Context) -> list[Total]:
    """One total per product, in order of first appearance; never summed across products."""
    amounts: dict[str, list[float]] = {}
    toxin: dict[str, bool] = {}
    for line in ctx.lines:
        amounts.setdefault(line.product.id, []).append(line.total)
        toxin[line.product.id] = line.is_toxin
    result = []
    for product, values in amounts.items():
        # Line totals are exact (fsum) sums, so the order of points cannot change them;
        # rounding removes binary noise such as 0.1 + 0.2.
        total = round(math.fsum(values), 6)
        if toxin[product]:
            result.append(Total(product, units=total))
        else:
            result.append(Total(product, volume_ml=total))
    return result


def parse(data: Any) -> Proposal:
    """Validate the proposal's structure; raise ProposalError naming the first bad field."""
    try:
        return Proposal.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc, Proposal) from None


def assess_json(data: Any, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """Assess decoded JSON and return the assessment as JSON-ready data."""
    return to_json(assess(parse(data), kb))


def assess_text(text: str | bytes, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """Assess a JSON document; raise ProposalError (field "$" for malformed JSON)."""
    try:
        proposal = Proposal.model_validate_json(text)
    except ValidationError as exc:
        raise from_validation_error(exc, Proposal) from None
    return to_json(assess(proposal, kb))


def to_json(assessment: Assessment) -> dict[str, Any]:
    """The contract's JSON: findings keep null treatment/site; totals carry one amount."""
    return {
        "verdict": assessment.verdict,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "treatment": f.treatment,
                "site": f.site,
                "message": f.message,
                "source": f.source,
            }
            for f in assessment.findings
        ],
        "totals": [_total(t) for t in assessment.totals],
        "knowledge_version": assessment.knowledge_version,
        "lines": [_line(line) for line in assessment.lines],
    }


def _total(total: Total) -> dict[str, Any]:
    if total.units is not None:
        return {"product": total.product, "units": total.units}
    return {"product": total.product, "volume_ml": total.volume_ml}


def _line(line: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "treatment": line.treatment,
        "product": line.product,
        "indication": line.indication,
    }
    if line.units is not None:
        out["units"] = line.units
    else:
        out["volume_ml"] = line.volume_ml
    out["draw_ml"] = line.draw_ml
    out["dilution"] = (
        None
        if line.dilution is None
        else {"vial_units": line.dilution.vial_units, "diluent_ml": line.dilution.diluent_ml}
    )
    out["earliest_retreatment"] = _iso(line.earliest_retreatment)
    out["review"] = _iso(line.review)
    out["refresh"] = (
        None
        if line.refresh is None
        else {"from": line.refresh.start.isoformat(), "to": line.refresh.end.isoformat()}
    )
    return out


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())
