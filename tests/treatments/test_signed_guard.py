"""On PostgreSQL a trigger refuses changes to a signed session, even outside the actions."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, transaction

from glabella.accounts.models import User
from glabella.treatments import actions
from glabella.treatments.models import DRAFT, InjectionPoint, Session

from .builders import glabellar_line


@pytest.mark.postgres
def test_the_database_refuses_to_reopen_or_edit_a_signed_session(
    draft: Session, injector: User
) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    actions.sign_session(draft, injector)
    with pytest.raises(DatabaseError), transaction.atomic():
        Session.objects.filter(pk=draft.pk).update(status=DRAFT)
    with pytest.raises(DatabaseError), transaction.atomic():
        InjectionPoint.objects.filter(line__session=draft).update(units=40)
    assert Session.objects.get(pk=draft.pk).status == "signed"
