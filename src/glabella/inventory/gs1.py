"""Read GS1 element strings from carton scans: GTIN (01), expiry (17), lot (10), serial (21).

A scan arrives in one of the forms scanners and people produce: the raw element string with
GS (\\x1d) separators, with or without the ``]d2`` symbology prefix; the bracketed human-readable
form ``(01)…(17)…(10)…``; or typed placeholders for the separator (``<GS>``, ``{GS}``, ``^]``)
from keyboard-wedge scanners that cannot type a control character. Device labels print two
stacked symbols (device identifier and production identifiers), so several symbols, one per
line, merge into one reading. biip does the parsing; this module turns its failures into
messages that name the application identifier and say what it allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from biip import ParseError
from biip.gs1_messages import GS1Message

from glabella.errors import InvalidInput

GS = "\x1d"
# Placeholders wedge scanners and people type for the GS separator (FNC1).
GS_PLACEHOLDERS = ("<GS>", "{GS}", "[GS]", "^]", "\u241d", "\\x1d", "<FNC1>", "{FNC1}")
SYMBOLOGY_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
REQUIRED = {"01": "GTIN", "17": "expiry date", "10": "lot number"}
ALLOWED = {
    "01": "14 digits ending in a valid check digit",
    "17": "6 digits YYMMDD with a real month and day (day 00 means the end of the month)",
    "10": "1 to 20 characters from the GS1 character set, ended by a GS separator",
    "21": "1 to 20 characters from the GS1 character set, ended by a GS separator",
}
AI_IN_ERROR = re.compile(r"GS1 AI \((\d+)\)")


@dataclass(frozen=True)
class Reading:
    """What a carton's symbols say, checked and merged."""

    gtin: str
    expiry: date
    lot: str
    serial: str
    hri: str


def scan_error(code: str, message: str) -> InvalidInput:
    return InvalidInput(code, message, field="gs1")


def split_symbols(raw: str) -> list[str]:
    """One string per symbol: scanners end each symbol with a newline (Enter)."""
    text = raw
    for placeholder in GS_PLACEHOLDERS:
        text = text.replace(placeholder, GS)
    return [line.strip(" \t") for line in re.split(r"[\r\n]+", text) if line.strip(" \t")]


def parse_symbol(symbol: str) -> dict[str, str]:
    """AI → value for one symbol, or an error naming the AI at fault."""
    try:
        if symbol.startswith("("):
            message = GS1Message.parse_hri(symbol)
        else:
            message = GS1Message.parse(SYMBOLOGY_PREFIX.sub("", symbol).lstrip(GS))
    except ParseError as exc:
        raise explain(str(exc)) from exc
    values: dict[str, str] = {}
    for element in message.element_strings:
        ai = element.ai.ai
        if element.gtin_error:
            raise scan_error(
                "GS1_CHECK_DIGIT",
                f"AI (01) GTIN {element.value}: {element.gtin_error} Allowed: {ALLOWED['01']}.",
            )
        values[ai] = element.date.isoformat() if ai == "17" and element.date else element.value
    return values


def explain(biip_message: str) -> InvalidInput:
    match = AI_IN_ERROR.search(biip_message)
    if match:
        ai = match.group(1)
        allowed = ALLOWED.get(ai, "the format GS1 defines for it")
        return scan_error(
            "GS1_MALFORMED", f"AI ({ai}) is malformed: {biip_message} Allowed: {allowed}."
        )
    return scan_error(
        "GS1_MALFORMED",
        f"Not a GS1 element string: {biip_message} Expected AI (01) GTIN, (17) expiry, "
        "(10) lot and optionally (21) serial, as scanned or as '(01)…(17)…(10)…'.",
    )


def merge(symbols: list[dict[str, str]]) -> dict[str, str]:
    """Combine the symbols of one label; two symbols may not disagree on an AI."""
    merged: dict[str, str] = {}
    for values in symbols:
        for ai, value in values.items():
            if merged.get(ai, value) != value:
                raise scan_error(
                    "GS1_CONFLICT",
                    f"The symbols disagree on AI ({ai}): {merged[ai]!r} and {value!r}. "
                    "Scan the two symbols of one label only.",
                )
            merged[ai] = value
    return merged


def read(raw: str, today: date | None) -> Reading:
    """Parse, merge and check one label's scan; refuse stock expired before ``today``.

    ``today`` None skips the expiry check: a recall looks up lots long expired.
    """
    symbols = split_symbols(raw)
    if not symbols:
        raise scan_error("GS1_EMPTY", "Nothing was scanned. Scan the carton's DataMatrix.")
    values = merge([parse_symbol(symbol) for symbol in symbols])
    missing = [f"({ai}) {name}" for ai, name in REQUIRED.items() if ai not in values]
    if missing:
        raise scan_error(
            "GS1_INCOMPLETE",
            f"The scan lacks AI {', '.join(missing)}. A device label may carry a second "
            "symbol: scan both.",
        )
    expiry = date.fromisoformat(values["17"])
    if today is not None and expiry < today:
        raise scan_error(
            "GS1_EXPIRED", f"AI (17) expiry {expiry:%Y-%m-%d} has passed: expired stock is refused."
        )
    reading = Reading(
        gtin=values["01"], expiry=expiry, lot=values["10"], serial=values.get("21", ""), hri=""
    )
    return Reading(**{**reading.__dict__, "hri": hri(reading)})


def hri(reading: Reading) -> str:
    text = f"(01){reading.gtin}(17){reading.expiry:%y%m%d}(10){reading.lot}"
    return text + (f"(21){reading.serial}" if reading.serial else "")


def looks_like_gs1(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith(("]d2", "]C1", "(01)", "(10)")) or bool(
        re.match(r"^01\d{14}", stripped)
    )


def lot_of(text: str) -> str:
    """A lot number typed, or read from a scanned carton (expired or not)."""
    if not looks_like_gs1(text):
        return text.strip()
    values = merge([parse_symbol(symbol) for symbol in split_symbols(text)])
    if "10" not in values:
        raise scan_error("GS1_INCOMPLETE", "The scan carries no AI (10) lot number.")
    return values["10"]
