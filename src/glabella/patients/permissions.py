"""Who may do what with patients.

Every member of a clinic (front desk included) may search, register, edit and view
demographics. The medical profile and treatment history are clinical data: only
injectors, physicians and clinic admins may see or record them.
"""

from __future__ import annotations

from django.http import HttpRequest

from glabella.accounts.models import User
from glabella.accounts.permissions import has_role
from glabella.accounts.roles import Role

CLINICAL_DATA_ROLES = (Role.INJECTOR, Role.PHYSICIAN, Role.ADMIN)


def sees_clinical_data(request: HttpRequest) -> bool:
    return has_role(request, *CLINICAL_DATA_ROLES)


def acting_user(request: HttpRequest) -> User | None:
    """The signed-in user who makes a write, for the record's author fields."""
    return request.user if isinstance(request.user, User) else None
