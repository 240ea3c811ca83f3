"""Normalise names into search keys, and turn a typed prefix into a key range.

Keys hold only ``a-z`` and ``0-9``: accents are stripped, everything else dropped.
On that alphabet every collation sorts the same way as byte order, so the range
``[prefix, successor(prefix))`` is exactly "starts with prefix" on SQLite and on
PostgreSQL under any locale, and one ordinary B-tree index serves it.
"""

from __future__ import annotations

import unicodedata

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
# Letters that do not decompose into a base letter plus accents.
SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th"})


def search_key(text: str) -> str:
    lowered = text.lower().translate(SPECIAL)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(char for char in decomposed if char in ALPHABET)


def successor(prefix: str) -> str | None:
    """The smallest key above every key that starts with ``prefix`` (None: no bound)."""
    chars = list(prefix)
    while chars:
        position = ALPHABET.index(chars[-1])
        if position + 1 < len(ALPHABET):
            chars[-1] = ALPHABET[position + 1]
            return "".join(chars)
        chars.pop()
    return None
