"""What every check needs about one proposal, computed once, and the finding emitter."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime

from glabella.knowledge.schema import Indication, Product, ProductIndication
from glabella.rules.contract import Finding, Proposal, Severity, Treatment
from glabella.rules.index import RuleIndex
from glabella.rules.severity import escalate


@dataclass(slots=True)
class Line:
    """One treatment with its product, indication and label resolved."""

    index: int
    treatment: Treatment
    product: Product
    indication: Indication
    label: ProductIndication | None
    total: float

    @property
    def is_toxin(self) -> bool:
        return self.product.product_class == "toxin"

    @property
    def supported(self) -> bool:
        """The product's class treats the indication (otherwise UNSUPPORTED_COMBINATION)."""
        return self.product.product_class == self.indication.product_class

    @property
    def labelled(self) -> bool:
        return self.label is not None and not self.label.off_label

    @property
    def what(self) -> str:
        """How a message names the treatment: product and indication."""
        return f"{self.product.name} for {self.indication.name.lower()}"


@dataclass(slots=True)
class Context:
    proposal: Proposal
    index: RuleIndex
    at: datetime
    age: int
    adult: bool
    conditions: frozenset[str]
    allergies: frozenset[str]
    medications: frozenset[str]
    lines: list[Line]
    findings: list[Finding] = field(default_factory=list)

    def emit(
        self,
        code: str,
        severity: Severity,
        line: Line | None,
        message: str,
        source: str | None,
        site: str | None = None,
    ) -> None:
        if self.index.floors:
            severity = escalate(code, severity, self.index.floors)
        self.findings.append(
            Finding(
                code,
                severity,
                None if line is None else line.index,
                site,
                message,
                source or _fallback_source(self, code, line),
            )
        )

    def site_name(self, site: str) -> str:
        found = self.index.sites.get(site)
        return found.name if found else site


def _fallback_source(ctx: Context, code: str, line: Line | None) -> str:
    # Every finding must cite something; the product's label is the closest general source.
    if line is not None:
        if line.label is not None:
            return line.label.source
        return line.product.source
    described = ctx.index.kb.finding_codes.get(code)
    return described.source if described else "Glabella assessment contract"


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def build(proposal: Proposal, index: RuleIndex) -> Context:
    patient = proposal.patient
    age = age_on(patient.birth_date, proposal.at.date())
    lines = []
    for i, treatment in enumerate(proposal.treatments):
        product = index.products[treatment.product]
        lines.append(
            Line(
                index=i,
                treatment=treatment,
                product=product,
                indication=index.indications[treatment.indication],
                label=product.labels.get(treatment.indication),
                total=amount_sum(treatment),
            )
        )
    return Context(
        proposal=proposal,
        index=index,
        at=proposal.at,
        age=age,
        adult=age >= 18,
        conditions=frozenset(patient.conditions),
        allergies=frozenset(patient.allergies),
        medications=frozenset(patient.medications),
        lines=lines,
    )


def amount_sum(treatment: Treatment) -> float:
    """Exact (order-independent) sum of a treatment's point amounts."""
    return math.fsum(p.amount for p in treatment.points)
