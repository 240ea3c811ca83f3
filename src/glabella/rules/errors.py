"""One error shape for every invalid proposal: ``{"error": {"field": ..., "message": ...}}``.

The field is a JSON path such as ``$.treatments[0].points[1].site``; the message says what
is wrong and what is allowed. The CLI prints it with exit 2, the API returns it with 422.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

Loc = Sequence[int | str]


class ProposalError(ValueError):
    """The proposal cannot be assessed; ``field`` points at the first offending value."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def to_json(self) -> dict[str, Any]:
        return {"error": {"field": self.field, "message": self.message}}


def json_path(loc: Loc) -> str:
    parts = ["$"]
    for part in loc:
        parts.append(f"[{part}]" if isinstance(part, int) else f".{part}")
    return "".join(parts)


def closest(word: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The known ids nearest to ``word``, best first (difflib ratio, then prefix)."""
    candidates = sorted(known)
    matches = difflib.get_close_matches(word, candidates, n=n, cutoff=0.5)
    if not matches:
        stem = word.split("_")[0]
        matches = [c for c in candidates if c.startswith(stem)][:n]
    return matches


def unknown_id(loc: Loc, kind: str, word: str, known: Iterable[str]) -> ProposalError:
    near = closest(word, known)
    hint = f"closest known ids: {', '.join(near)}" if near else "no known id is close"
    return ProposalError(json_path(loc), f"unknown {kind} '{word}'; {hint}")


def from_validation_error(exc: ValidationError, root: type[BaseModel]) -> ProposalError:
    """The first Pydantic error, as a path and a sentence a caller can act on."""
    error = exc.errors(include_url=False)[0]
    loc = [part for part in error["loc"] if not _is_union_tag(part)]
    if error["type"] == "extra_forbidden" and loc:
        allowed = _fields_at(root, loc[:-1])
        near = closest(str(loc[-1]), allowed)
        hint = f"did you mean {', '.join(near)}? " if near else ""
        message = f"unknown field; {hint}allowed fields: {', '.join(allowed)}"
        return ProposalError(json_path(loc), message)
    return ProposalError(json_path(loc), _message(error))


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the model found by following ``loc`` from ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue  # list items share the list's item model
        current = _model_in(current.model_fields[part].annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    # Unwrap list[...] and X | None down to the model they hold.
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _is_union_tag(part: int | str) -> bool:
    # Pydantic adds a validator tag such as "function-after[...]" to some locs.
    return isinstance(part, str) and "[" in part


def _message(error: Any) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field; remove it (see the assessment contract for allowed fields)"
    if kind == "json_invalid":
        return f"invalid JSON: {error['ctx'].get('error', error['msg'])}"
    message: str = error["msg"]
    return message.removeprefix("Value error, ")
