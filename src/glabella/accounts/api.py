"""/api/v1/account: who the caller is, and API tokens for scripts."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from glabella.accounts import actions
from glabella.accounts.tenancy import current_clinic
from glabella.audit.actions import CREATE, record

router = Router(tags=["account"])


class MeOut(Schema):
    username: str
    clinic: str
    role: str


class TokenIn(Schema):
    name: str = Field("", max_length=100)


class TokenOut(Schema):
    prefix: str
    token: str  # the only time the secret is shown


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> MeOut:
    clinic = current_clinic(request)
    membership = request.membership  # type: ignore[attr-defined]
    return MeOut(username=request.user.get_username(), clinic=clinic.slug, role=membership.role)


@router.post("/tokens", response={201: TokenOut})
def create_token(request: HttpRequest, payload: TokenIn) -> Status[TokenOut]:
    """A token acting as the caller in the current clinic."""
    issued = actions.create_api_token(request.membership, payload.name)  # type: ignore[attr-defined]
    record(request, CREATE, issued.token, channel="api")
    return Status(201, TokenOut(prefix=issued.token.prefix, token=issued.secret))
