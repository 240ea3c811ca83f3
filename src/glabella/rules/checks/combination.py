"""Product against indication (labelled, off-label, unsupported) and toxin-with-filler."""

from __future__ import annotations

from glabella.rules.context import Context


def indication_fit(ctx: Context) -> None:
    for line in ctx.lines:
        if not line.supported:
            wanted = "a toxin" if line.indication.product_class == "toxin" else "a filler"
            ctx.emit(
                "UNSUPPORTED_COMBINATION",
                "block",
                line,
                f"{line.product.name} is a {line.product.product_class}, but "
                f"{line.indication.name.lower()} is treated with {wanted}: choose {wanted}.",
                line.indication.source or line.product.source,
            )
        elif not line.labelled:
            ctx.emit(
                "OFF_LABEL",
                "info",
                line,
                f"{line.product.name} is not labelled for {line.indication.name.lower()}: "
                "record the off-label rationale and the patient's consent to it.",
                line.label.source if line.label else line.product.source,
            )


def sequencing(ctx: Context) -> None:
    toxins = [line for line in ctx.lines if line.is_toxin]
    if not toxins or len(toxins) == len(ctx.lines):
        return
    advice = ctx.index.kb.sequencing.get("toxin_first") or next(
        iter(ctx.index.kb.sequencing.values()), None
    )
    days = advice.interval_days.value if advice and advice.interval_days else None
    when = f"about {days:g} days later" if days else "afterwards"
    ctx.emit(
        "SEQUENCING",
        "info",
        None,
        f"Toxin and filler in one proposal: give the toxin first and plan the filler {when}, "
        "once the toxin has taken effect, unless your protocol treats both the same day.",
        advice.source if advice is not None else None,
    )
