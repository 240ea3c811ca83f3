"""Patient-fact vocabularies: conditions, allergies, medications, ingredients, finding codes."""

from __future__ import annotations

from pydantic import Field

from glabella.knowledge.schema.base import Model, Severity


class Ingredient(Model):
    id: str
    label: str
    note: str | None = None


class Condition(Model):
    id: str
    label: str
    note: str | None = None


class Allergy(Model):
    """An allergy and the ingredient ids it reacts with (lidocaine: every amide anaesthetic)."""

    id: str
    label: str
    ingredients: tuple[str, ...] = Field(min_length=1)
    source: str | None = None
    note: str | None = None


class Medication(Model):
    id: str
    label: str
    examples: tuple[str, ...] = ()
    note: str | None = None


class FindingCode(Model):
    """A finding code with its default severities (two when the contract gives two contexts)."""

    code: str
    severities: tuple[Severity, ...] = Field(min_length=1)
    when: str
    source: str
