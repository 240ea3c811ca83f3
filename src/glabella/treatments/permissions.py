"""Who may do what with treatments.

- injector, physician: plan, chart, acknowledge, sign, write addenda;
- physician only: co-sign (and never a session they signed themselves);
- front desk: nothing clinical here; admin: read-only (the admin site and reads).
Actions check the role themselves, so every edge (pages, API, command line) enforces it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from glabella.accounts.models import Clinic, Membership, User
from glabella.accounts.roles import CLINICAL_ROLES, Role

CHARTING_ROLES = frozenset(CLINICAL_ROLES)
READ_ROLES = frozenset({Role.INJECTOR, Role.PHYSICIAN, Role.ADMIN})


def role_of(user: User, clinic: Clinic) -> str | None:
    return (
        Membership.objects.filter(user=user, clinic=clinic).values_list("role", flat=True).first()
    )


def ensure_clinic_role(user: User, clinic: Clinic, roles: frozenset[Role]) -> None:
    if role_of(user, clinic) not in {str(role) for role in roles}:
        raise PermissionDenied("Your role in this clinic does not allow this.")
