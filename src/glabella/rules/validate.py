"""Checks that need the knowledge base: every id exists and every amount fits its product.

Runs after structural validation; raises the first problem as a ProposalError whose field
is the JSON path and whose message names the closest known ids.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from glabella.rules.contract import HistoryEntry, Point, Proposal
from glabella.rules.errors import Loc, ProposalError, json_path, unknown_id
from glabella.rules.index import RuleIndex


def validate_ids(proposal: Proposal, index: RuleIndex) -> None:
    patient = proposal.patient
    if patient.birth_date > proposal.at.date():
        raise ProposalError("$.patient.birth_date", "birth date is after `at`; check both dates")
    _each(("patient", "conditions"), patient.conditions, "condition", index.conditions)
    _each(("patient", "allergies"), patient.allergies, "allergy", index.allergies)
    _each(("patient", "medications"), patient.medications, "medication", index.medications)
    _each(("patient", "infection_sites"), patient.infection_sites, "site or region", index.coverage)
    for i, test in enumerate(patient.skin_tests):
        _known(("patient", "skin_tests", i, "product"), test.product, "product", index.products)
    products, indications = index.products, index.indications
    for i, entry in enumerate(proposal.history):
        product = products.get(entry.product)
        if (
            product is None
            or entry.indication not in indications
            or (entry.units is None) == (product.product_class == "toxin")
        ):
            _history(("history", i), entry, index)
    for i, treatment in enumerate(proposal.treatments):
        loc = ("treatments", i)
        _known((*loc, "product"), treatment.product, "product", index.products)
        _known((*loc, "indication"), treatment.indication, "indication", index.indications)
        toxin = index.products[treatment.product].product_class == "toxin"
        sites = index.sites
        for j, point in enumerate(treatment.points):
            # Fast path first: this loop runs for every point of every proposal.
            if point.site not in sites or (point.units is None) == toxin:
                _point((*loc, "points", j), point, toxin, index)


def _history(loc: Loc, entry: HistoryEntry, index: RuleIndex) -> None:
    _known((*loc, "product"), entry.product, "product", index.products)
    _known((*loc, "indication"), entry.indication, "indication", index.indications)
    _amount(loc, entry.units, index.products[entry.product].product_class == "toxin")


def _point(loc: Loc, point: Point, toxin: bool, index: RuleIndex) -> None:
    _known((*loc, "site"), point.site, "site", index.sites)
    _amount(loc, point.units, toxin)


def _amount(loc: Loc, units: float | None, toxin: bool) -> None:
    if toxin and units is None:
        raise ProposalError(json_path((*loc, "units")), "a toxin is dosed in units: give units")
    if not toxin and units is not None:
        raise ProposalError(
            json_path((*loc, "volume_ml")), "a filler is dosed in mL: give volume_ml, not units"
        )


def _each(loc: Sequence[str], values: Iterable[str], kind: str, known: Collection[str]) -> None:
    for i, value in enumerate(values):
        if value not in known:
            raise unknown_id((*loc, i), kind, value, known)


def _known(loc: Loc, value: str, kind: str, known: Collection[str]) -> None:
    if value not in known:
        raise unknown_id(loc, kind, value, known)
