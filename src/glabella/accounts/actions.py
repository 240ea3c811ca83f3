"""Writes for clinics, users, memberships and API tokens (views, API and CLI call these)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from glabella.accounts.models import ApiToken, Clinic, Membership, User
from glabella.accounts.roles import Role
from glabella.errors import Conflict, InvalidInput

TOKEN_PREFIX_LENGTH = 12


def create_clinic(name: str, slug: str = "", timezone_name: str = "UTC") -> Clinic:
    slug = slug or slugify(name)
    if not slug:
        raise InvalidInput("clinic.name_required", "A clinic needs a name.", "name")
    if Clinic.objects.filter(slug=slug).exists():
        raise Conflict("clinic.slug_taken", f"A clinic with slug {slug!r} exists.", "slug")
    return Clinic.objects.create(name=name, slug=slug, timezone=timezone_name)


def check_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise InvalidInput("user.bad_role", f"Role must be one of: {choices}.", "role") from None


def check_password(password: str, user: User) -> None:
    """Run Django's password validators; the first failure names the field."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise InvalidInput("user.weak_password", " ".join(exc.messages), "password") from exc


def create_user(
    username: str,
    password: str,
    clinic: Clinic,
    role: str,
    *,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    """A new user with a role in ``clinic``; the password must pass the validators."""
    checked_role = check_role(role)
    if not username:
        raise InvalidInput("user.username_required", "A username is required.", "username")
    if User.objects.filter(username=username).exists():
        raise Conflict("user.username_taken", f"Username {username!r} is taken.", "username")
    user = User(username=username, email=email, first_name=first_name, last_name=last_name)
    check_password(password, user)
    user.set_password(password)
    user.save()
    Membership.objects.create(user=user, clinic=clinic, role=checked_role.value)
    return user


def add_membership(user: User, clinic: Clinic, role: str) -> Membership:
    checked_role = check_role(role)
    if Membership.objects.filter(user=user, clinic=clinic).exists():
        raise Conflict("membership.exists", f"{user} is already in {clinic}.", "clinic")
    return Membership.objects.create(user=user, clinic=clinic, role=checked_role.value)


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once; only its hash is stored


def create_api_token(membership: Membership, name: str = "") -> IssuedToken:
    """A new bearer token acting as ``membership`` (its user, in its clinic, with its role)."""
    secret = "glb_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        membership=membership,
        name=name,
        prefix=secret[:TOKEN_PREFIX_LENGTH],
        digest=token_digest(secret),
    )
    return IssuedToken(token=token, secret=secret)


def revoke_api_token(token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
