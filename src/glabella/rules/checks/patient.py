"""Checks on the patient's state: pregnancy, breastfeeding, conditions and medications."""

from __future__ import annotations

from glabella.knowledge.schema import Contraindication
from glabella.rules.context import Context, Line
from glabella.rules.severity import capped

NEUROMUSCULAR = frozenset(
    {"myasthenia_gravis", "lambert_eaton", "als", "peripheral_motor_neuropathy"}
)
BLOCKING_DRUGS = frozenset({"aminoglycoside", "curare_like_agent"})
BLEEDING = frozenset({"bleeding_disorder", "anticoagulant", "antiplatelet"})


def pregnancy(ctx: Context) -> None:
    patient = ctx.proposal.patient
    for state, flag, code in (
        ("pregnant", patient.pregnant, "PREGNANCY"),
        ("breastfeeding", patient.breastfeeding, "BREASTFEEDING"),
    ):
        if not flag:
            continue
        for line in ctx.lines:
            _pregnancy_line(ctx, line, state, code)


def _pregnancy_line(ctx: Context, line: Line, state: str, code: str) -> None:
    until = "after pregnancy" if state == "pregnant" else "breastfeeding ends"
    if line.indication.kind == "cosmetic":
        ctx.emit(
            code,
            "block",
            line,
            f"Patient is {state}: defer {line.what} until {until}, as safety is not established.",
            None,
        )
    elif line.is_toxin:
        ctx.emit(
            code,
            "warn",
            line,
            f"Patient is {state}: give {line.what} only if the expected benefit justifies "
            "the unknown risk, and record that decision.",
            None,
        )


def neuromuscular(ctx: Context) -> None:
    present = ctx.conditions & NEUROMUSCULAR
    if not present:
        return
    names = _labels(ctx, present)
    for line in ctx.lines:
        if not line.is_toxin:
            continue
        if line.indication.kind == "cosmetic":
            ctx.emit(
                "NEUROMUSCULAR_DISORDER",
                "block",
                line,
                f"{names}: do not give {line.what}; botulinum toxin risks serious "
                "dysphagia and breathing difficulty in neuromuscular disease.",
                None,
            )
        else:
            ctx.emit(
                "NEUROMUSCULAR_DISORDER",
                "warn",
                line,
                f"{names}: give {line.what} only under specialist supervision at the lowest "
                "dose and watch for dysphagia and breathing difficulty.",
                None,
            )


def blocking_drugs(ctx: Context) -> None:
    present = ctx.medications & BLOCKING_DRUGS
    if not present:
        return
    names = _labels(ctx, present, vocabulary="medications")
    for line in ctx.lines:
        if line.is_toxin:
            ctx.emit(
                "NEUROMUSCULAR_BLOCKING_DRUG",
                "warn",
                line,
                f"{names} can potentiate {line.product.name}: consider a lower dose and "
                "watch for excess weakness.",
                None,
            )


def bleeding(ctx: Context) -> None:
    factors = (ctx.conditions | ctx.medications) & BLEEDING
    if not factors:
        return
    names = _labels(ctx, factors, vocabulary="any")
    for line in ctx.lines:
        contra = _contraindication(line, "bleeding_disorder")
        if contra is not None and "bleeding_disorder" in ctx.conditions:
            ctx.emit(
                "BLEEDING_RISK",
                capped("block", contra.advisory),
                line,
                f"Bleeding disorder: the {line.product.name} label contraindicates it; "
                "choose another product or do not treat.",
                contra.source,
            )
        else:
            ctx.emit(
                "BLEEDING_RISK",
                "warn",
                line,
                f"{names}: expect more bruising with {line.what}; apply pressure and "
                "consider pausing non-essential blood thinners with the prescriber's agreement.",
                None,
            )


def keloid(ctx: Context) -> None:
    if "keloid_history" not in ctx.conditions:
        return
    for line in ctx.lines:
        contra = _contraindication(line, "keloid_history")
        if contra is not None:
            ctx.emit(
                "KELOID_HISTORY",
                capped("block", contra.advisory),
                line,
                f"Keloid or hypertrophic scarring: the {line.product.name} label "
                "contraindicates it; do not treat with this product.",
                contra.source,
            )
        elif not line.is_toxin:
            ctx.emit(
                "KELOID_HISTORY",
                "warn",
                line,
                f"Keloid or hypertrophic scarring: {line.what} may scar; discuss the risk "
                "and use the smallest effective volume.",
                None,
            )


def anaphylaxis(ctx: Context) -> None:
    if "anaphylaxis_history" not in ctx.conditions:
        return
    for line in ctx.lines:
        contra = _contraindication(line, "anaphylaxis_history")
        if line.is_toxin and contra is None:
            continue
        # The contract blocks every filler; a toxin only where its own label says so.
        advisory = line.is_toxin and contra is not None and contra.advisory
        ctx.emit(
            "ANAPHYLAXIS_HISTORY",
            capped("block", advisory),
            line,
            f"History of anaphylaxis or multiple severe allergies: {line.what} is "
            "contraindicated; do not inject.",
            contra.source if contra is not None else None,
        )


def _contraindication(line: Line, condition: str) -> Contraindication | None:
    for contra in line.product.contraindicated_conditions:
        if contra.condition == condition:
            return contra
    return None


def _labels(ctx: Context, ids: frozenset[str], vocabulary: str = "conditions") -> str:
    kb = ctx.index.kb
    names = []
    for item in sorted(ids):
        condition = kb.conditions.get(item) if vocabulary != "medications" else None
        medication = kb.medications.get(item) if vocabulary != "conditions" else None
        entry = condition or medication
        names.append(entry.label if entry is not None else item.replace("_", " "))
    text = ", ".join(names)
    return text[:1].upper() + text[1:]
