from __future__ import annotations

import pytest

from glabella.accounts.models import User
from glabella.errors import NotFound
from glabella.patients.models import Patient
from glabella.treatments import actions
from glabella.treatments.models import DRAFT, Session

from .builders import glabellar_line, lip_line


def test_it_copies_the_last_signed_map_for_the_indication(
    draft: Session, injector: User, patient: Patient
) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line(), lip_line()])
    actions.sign_session(draft, injector)
    copy = actions.repeat_last_session(patient, injector, "glabellar_lines")
    assert copy.status == DRAFT
    assert copy.repeated_from == draft
    line = copy.lines.get()
    assert line.indication == "glabellar_lines"
    assert list(line.points.values_list("site", "units")) == list(
        draft.lines.get(indication="glabellar_lines").points.values_list("site", "units")
    )


def test_it_ignores_drafts(draft: Session, injector: User, patient: Patient) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    with pytest.raises(NotFound):
        actions.repeat_last_session(patient, injector, "glabellar_lines")
