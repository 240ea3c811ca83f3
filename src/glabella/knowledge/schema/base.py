"""Base model and the sourced facts every clinical number is wrapped in."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, model_validator

ProductClass = Literal["toxin", "filler"]
Severity = Literal["info", "warn", "block"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warn": 1, "block": 2}


class Model(BaseModel):
    """Strict, immutable base: unknown keys in a data file are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(Model):
    """One clinical number with its source.

    ``value`` is None when the reference does not give the number; ``note`` then says so.
    ``advisory`` facts come from sources marked UNVERIFIED (or from literature, not the
    label): the engine may warn or inform on them but never block.
    """

    value: float | None
    source: str | None = None
    advisory: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _sourced_or_explained(self) -> Self:
        if self.value is not None and not self.source:
            raise ValueError("a clinical number needs a source")
        if self.value is None and not self.note:
            raise ValueError("an unknown value needs a note saying why it is unknown")
        return self

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def blocking(self) -> bool:
        """True when the engine may block on this fact (known and not advisory)."""
        return self.value is not None and not self.advisory


class DayRange(Model):
    """A typical range in days (duration of effect, recovery), with its source."""

    low: float | None = None
    high: float | None = None
    source: str | None = None
    advisory: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _sourced_or_explained(self) -> Self:
        if self.low is None and self.high is None:
            if not self.note:
                raise ValueError("an unknown range needs a note saying why it is unknown")
        elif not self.source:
            raise ValueError("a clinical range needs a source")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low must not exceed high")
        return self
