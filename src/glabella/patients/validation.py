"""Checks shared by the patient actions; each failure names the field and what is allowed."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from glabella.errors import InvalidInput

EARLIEST_BIRTH = date(1900, 1, 1)
PHONE = re.compile(r"^\+?[0-9 ()./-]{6,30}$")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
# Vocabularies up to this size are listed whole in a message; longer ones by closest ids.
LIST_IN_FULL = 20


def invalid(field: str, message: str) -> InvalidInput:
    return InvalidInput("invalid", f"{field}: {message}", field)


def today() -> date:
    return timezone.localdate()


def text(value: object, field: str, *, required: bool, max_length: int) -> str:
    cleaned = str(value or "").strip()
    if required and not cleaned:
        raise invalid(field, "is required")
    if len(cleaned) > max_length:
        raise invalid(field, f"is {len(cleaned)} characters long; at most {max_length} allowed")
    return cleaned


def name(value: object, field: str) -> str:
    cleaned = text(value, field, required=True, max_length=100)
    if not any(char.isalpha() for char in cleaned):
        raise invalid(field, f"{cleaned!r} has no letters; a name needs at least one letter")
    return cleaned


def a_date(value: object, field: str) -> date:
    """A date, or a string as YYYY-MM-DD or DD/MM/YYYY."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = str(value or "").strip()
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise invalid(field, f"{raw!r} is not a date; use YYYY-MM-DD or DD/MM/YYYY")


def past_date(value: object, field: str, *, earliest: date = EARLIEST_BIRTH) -> date:
    parsed = a_date(value, field)
    if parsed > today():
        raise invalid(field, f"{parsed.isoformat()} is in the future; today or earlier allowed")
    if parsed < earliest:
        raise invalid(field, f"{parsed.isoformat()} is before {earliest.isoformat()}")
    return parsed


def choice(value: object, field: str, allowed: Iterable[str]) -> str:
    options = list(allowed)
    cleaned = str(value or "").strip()
    if cleaned not in options:
        raise invalid(field, f"{cleaned!r} is not allowed; use one of {', '.join(options)}")
    return cleaned


def email(value: object, field: str = "email") -> str:
    cleaned = text(value, field, required=False, max_length=254)
    if cleaned:
        try:
            validate_email(cleaned)
        except ValidationError:
            raise invalid(
                field, f"{cleaned!r} is not an email address like name@example.org"
            ) from None
    return cleaned


def phone(value: object, field: str = "phone") -> str:
    cleaned = text(value, field, required=False, max_length=30)
    if cleaned and (not PHONE.match(cleaned) or sum(c.isdigit() for c in cleaned) < 6):
        raise invalid(
            field,
            f"{cleaned!r} is not a phone number; use digits, spaces, + ( ) . - (6 or more digits)",
        )
    return cleaned


def amount(value: object, field: str, *, maximum: Decimal) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise invalid(field, f"{value!r} is not a number") from None
    if not number.is_finite() or number <= 0 or number > maximum:
        raise invalid(field, f"{number} is out of range; more than 0 and at most {maximum} allowed")
    return number


def known_ids(values: object, field: str, vocabulary: Mapping[str, str], noun: str) -> list[str]:
    """A list of known ids, in the given order without repeats."""
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, (list, tuple)):
        raise invalid(field, "must be a list of identifiers")
    cleaned: list[str] = []
    for value in values:
        identifier = known_id(value, field, vocabulary, noun)
        if identifier not in cleaned:
            cleaned.append(identifier)
    return cleaned


def known_id(value: object, field: str, vocabulary: Mapping[str, str], noun: str) -> str:
    identifier = str(value or "").strip()
    if identifier in vocabulary:
        return identifier
    if len(vocabulary) <= LIST_IN_FULL:
        hint = f"allowed: {', '.join(vocabulary)}"
    else:
        closest = difflib.get_close_matches(identifier, list(vocabulary), n=5, cutoff=0.4)
        hint = f"closest known: {', '.join(closest)}" if closest else "see the knowledge base"
    raise InvalidInput(
        "unknown_id", f"{field}: {identifier!r} is not a known {noun}; {hint}", field
    )
