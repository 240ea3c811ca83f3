"""Errors raised while loading knowledge data or a clinic policy."""

from __future__ import annotations


class KnowledgeError(Exception):
    """The data files are invalid; ``problems`` lists every problem found, one per line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class PolicyError(KnowledgeError):
    """A clinic policy is invalid or would loosen a label rule."""
