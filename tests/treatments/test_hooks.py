from __future__ import annotations

from collections.abc import Iterator

import pytest

from glabella.accounts.models import User
from glabella.errors import DomainError
from glabella.treatments import actions
from glabella.treatments.hooks import register_on_signed, unregister_on_signed
from glabella.treatments.models import DRAFT, SIGNED, Session

from .builders import glabellar_line

seen: list[tuple[str, str]] = []


def remember(session: Session) -> None:
    seen.append(("first", Session.objects.get(pk=session.pk).status))


def remember_second(session: Session) -> None:
    seen.append(("second", session.status))


def refuse(session: Session) -> None:
    raise DomainError("out_of_stock", "Lot C1234 has no units left.")


@pytest.fixture
def hooks() -> Iterator[None]:
    seen.clear()
    yield
    for hook in (remember, remember_second, refuse):
        unregister_on_signed(hook)


def test_hooks_run_in_order_after_the_session_is_frozen(
    hooks: None, draft: Session, injector: User
) -> None:
    register_on_signed(remember)
    register_on_signed(remember_second)
    register_on_signed(remember)  # registering twice is a no-op
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    actions.sign_session(draft, injector)
    assert seen == [("first", SIGNED), ("second", SIGNED)]


def test_a_hook_error_leaves_the_session_a_draft(
    hooks: None, draft: Session, injector: User
) -> None:
    register_on_signed(refuse)
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    with pytest.raises(DomainError) as caught:
        actions.sign_session(draft, injector)
    assert caught.value.message == "Lot C1234 has no units left."
    stored = Session.objects.get(pk=draft.pk)
    assert stored.status == DRAFT
    assert stored.signed_at is None
    assert stored.assessment is None
