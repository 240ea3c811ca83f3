"""Roles a user can hold in a clinic, and what each may do."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    INJECTOR = "injector"
    PHYSICIAN = "physician"
    FRONT_DESK = "front_desk"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


CLINICAL_ROLES = frozenset({Role.INJECTOR, Role.PHYSICIAN})
ROLE_CHOICES = [(role.value, role.label) for role in Role]
