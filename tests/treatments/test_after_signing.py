from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from glabella.accounts.models import User
from glabella.errors import Conflict, InvalidInput
from glabella.treatments import actions, queries
from glabella.treatments.models import Session

from .builders import glabellar_line


@pytest.fixture
def signed(draft: Session, injector: User) -> Session:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    return actions.sign_session(draft, injector)


def test_an_addendum_keeps_the_original(signed: Session, injector: User) -> None:
    before = list(signed.lines.get().points.values_list("site", "units"))
    addendum = actions.add_addendum(
        signed,
        injector,
        "Wrong side recorded",
        "The fourth point was on the right corrugator.",
        [{"site": "corrugator_r", "units": 4}],
    )
    assert addendum.author == injector
    assert addendum.corrected_points == [{"site": "corrugator_r", "units": 4.0}]
    assert list(signed.lines.get().points.values_list("site", "units")) == before


def test_an_addendum_needs_a_reason(signed: Session, injector: User) -> None:
    with pytest.raises(InvalidInput) as caught:
        actions.add_addendum(signed, injector, " ", "text")
    assert caught.value.field == "reason"


def test_a_draft_takes_no_addendum(draft: Session, injector: User) -> None:
    with pytest.raises(Conflict):
        actions.add_addendum(draft, injector, "Because", "text")


def test_only_a_physician_cosigns(signed: Session, injector: User, physician: User) -> None:
    assert list(queries.sessions_awaiting_cosign(signed.clinic)) == [signed]
    with pytest.raises(PermissionDenied):
        actions.cosign(signed, injector)
    actions.cosign(signed, physician)
    assert list(queries.sessions_awaiting_cosign(signed.clinic)) == []
    with pytest.raises(Conflict):
        actions.cosign(signed, physician)


def test_a_physician_does_not_cosign_their_own_session(draft: Session, physician: User) -> None:
    actions.save_chart(draft, physician, 1, [glabellar_line()])
    actions.sign_session(draft, physician)
    with pytest.raises(Conflict):
        actions.cosign(draft, physician)
    assert list(queries.sessions_awaiting_cosign(draft.clinic)) == []
