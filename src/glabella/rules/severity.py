"""Every finding code and the severities the contract allows for it, in one place.

A code listed with two severities (e.g. PREGNANCY: block for cosmetic, warn for a
therapeutic toxin) has the check choose between them; clinic policy may only raise a
severity (``escalate``), never lower it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from glabella.rules.contract import Severity, Verdict

RANK: Final[dict[str, int]] = {"ok": 0, "info": 1, "warn": 2, "block": 3}

SEVERITIES: Final[dict[str, tuple[Severity, ...]]] = {
    "PREGNANCY": ("block", "warn"),
    "BREASTFEEDING": ("block", "warn"),
    "NEUROMUSCULAR_DISORDER": ("block", "warn"),
    "HYPERSENSITIVITY": ("block",),
    "SITE_INFECTION": ("block",),
    "ANAPHYLAXIS_HISTORY": ("block",),
    "NEUROMUSCULAR_BLOCKING_DRUG": ("warn",),
    "BLEEDING_RISK": ("warn", "block"),
    "KELOID_HISTORY": ("warn", "block"),
    "SKIN_TEST_REQUIRED": ("block",),
    "AGE_BELOW_LABEL": ("block", "warn"),
    "AGE_ABOVE_LABEL": ("warn",),
    "RETREATMENT_INTERVAL": ("warn",),
    "CUMULATIVE_DOSE": ("block",),
    "DOSE_ABOVE_LABEL": ("warn",),
    "VOLUME_ABOVE_LABEL": ("warn",),
    "OFF_LABEL": ("info",),
    "UNSUPPORTED_COMBINATION": ("block",),
    "LOT_EXPIRED": ("block",),
    "VIAL_BEYOND_USE": ("block",),
    "HIGH_RISK_AREA": ("info",),
    "SEQUENCING": ("info",),
}

CODES: Final[tuple[str, ...]] = tuple(SEVERITIES)

# A fact the reference marks UNVERIFIED (``advisory``) may warn but never block, unless the
# contract itself states it; these codes can therefore also appear as warn.
ADVISORY_CODES: Final[frozenset[str]] = frozenset(
    {"VIAL_BEYOND_USE", "SKIN_TEST_REQUIRED", "CUMULATIVE_DOSE", "ANAPHYLAXIS_HISTORY"}
)


def allowed(code: str) -> tuple[str, ...]:
    """The severities a code may carry before clinic escalation."""
    extra = ("warn",) if code in ADVISORY_CODES else ()
    return (*SEVERITIES[code], *extra)


def capped(severity: Severity, advisory: bool) -> Severity:
    """Block becomes warn when the fact behind it is advisory."""
    return "warn" if advisory and severity == "block" else severity


def escalate(code: str, severity: Severity, overrides: Mapping[str, str]) -> Severity:
    """The stricter of the rule's severity and the clinic's override for the code."""
    wanted = overrides.get(code)
    if wanted is None or RANK.get(wanted, 0) <= RANK[severity]:
        return severity
    return wanted  # type: ignore[return-value]


def verdict(severities: list[Severity]) -> Verdict:
    """The most severe finding, or ``ok`` when nothing reaches warn."""
    worst = max((RANK[s] for s in severities), default=0)
    return "block" if worst == 3 else "warn" if worst == 2 else "ok"
