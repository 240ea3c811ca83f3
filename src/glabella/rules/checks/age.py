"""Age against the contract's adult threshold and the product's labelled age range."""

from __future__ import annotations

from glabella.rules.context import Context

ADULT_AGE = 18


def age(ctx: Context) -> None:
    for line in ctx.lines:
        label = line.label
        if line.indication.kind == "cosmetic" and ctx.age < ADULT_AGE:
            ctx.emit(
                "AGE_BELOW_LABEL",
                "block",
                line,
                f"Patient is {ctx.age}: cosmetic {line.what} is not given under "
                f"{ADULT_AGE}; do not treat.",
                None,
            )
            continue
        if label is None:
            continue
        low, high = label.min_age, label.max_age
        if low is not None and low.value is not None and ctx.age < low.value:
            ctx.emit(
                "AGE_BELOW_LABEL",
                "warn",
                line,
                f"Patient is {ctx.age}, under the labelled minimum of {low.value:g} for "
                f"{line.what}: treat only with a documented reason.",
                low.source,
            )
        if high is not None and high.value is not None and ctx.age > high.value:
            ctx.emit(
                "AGE_ABOVE_LABEL",
                "warn",
                line,
                f"Patient is {ctx.age}, over the labelled maximum of {high.value:g} for "
                f"{line.what}: expect a weaker response and say so when consenting.",
                high.source,
            )
