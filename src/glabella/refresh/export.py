"""The due list as CSV or JSON rows, shared by the page's download and the command line."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from glabella.refresh.queries import DueRow

COLUMNS = (
    "record_number",
    "patient",
    "indication",
    "product",
    "last_treated_on",
    "predicted_on",
    "low_on",
    "high_on",
    "contact",
    "explanation",
)


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def as_dict(row: DueRow) -> dict[str, Any]:
    return {
        "patient_id": row.patient_id,
        "record_number": row.record_number,
        "patient": row.display_name,
        "indication": row.indication,
        "product": row.product,
        "last_treated_on": row.last_treated_on.isoformat(),
        "predicted_on": row.predicted_on.isoformat(),
        "low_on": row.low_on.isoformat(),
        "high_on": row.high_on.isoformat(),
        "contact": row.contact,
        "reachable": row.reachable,
        "explanation": row.explanation,
    }


class _Line:
    """A file-like that hands back what ``csv.writer`` wrote, for streaming responses."""

    def write(self, text: str) -> str:
        return text


def csv_lines(rows: Iterable[DueRow]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for row in rows:
        data = as_dict(row)
        yield writer.writerow([_safe(data[column]) for column in COLUMNS])


def _safe(value: Any) -> Any:
    # A cell starting with = + - @ runs as a formula in a spreadsheet: quote it as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
