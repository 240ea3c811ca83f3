"""Domain errors: a stable code, a message and, when it applies, the field at fault.

Actions raise these and never think about HTTP. Each edge maps them: the JSON API
to a 4xx JSON body (see :mod:`glabella.api`), HTML views to a form error or page,
the command line to an exit code. The subclass says what kind of failure it is, so
the edges can choose a status without the action knowing one.
"""

from __future__ import annotations


class DomainError(Exception):
    """A request the domain refuses; the API answers 400."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "field": self.field, "message": self.message}


class InvalidInput(DomainError):
    """A value fails a domain check (weak password, bad dose); the API answers 422."""


class Conflict(DomainError):
    """The request clashes with the current state (duplicate, stale version); 409."""


class NotFound(DomainError):
    """The object does not exist in the caller's clinic; 404."""
