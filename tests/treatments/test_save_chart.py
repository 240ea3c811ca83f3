from __future__ import annotations

import pytest

from glabella.accounts.models import User
from glabella.audit.models import AuditEvent
from glabella.errors import Conflict, InvalidInput
from glabella.treatments import actions
from glabella.treatments.models import InjectionPoint, Session

from .builders import glabellar_line, lip_line


def test_it_saves_lines_and_points_and_bumps_the_version(draft: Session, injector: User) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line(), lip_line()])
    draft.refresh_from_db()
    assert draft.version == 2
    assert draft.updated_by == injector
    assert [line.product for line in draft.lines.all()] == [
        "botox_cosmetic",
        "juvederm_volbella_xc",
    ]
    assert InjectionPoint.objects.filter(line__session=draft).count() == 6


def test_it_replaces_the_previous_chart(draft: Session, injector: User) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line(), lip_line()])
    actions.save_chart(draft, injector, 2, [lip_line(0.8)])
    points = InjectionPoint.objects.filter(line__session=draft)
    assert [str(p.volume_ml) for p in points] == ["0.80"]


def test_a_stale_version_is_a_conflict_naming_who_saved(draft: Session, injector: User) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    with pytest.raises(Conflict) as caught:
        actions.save_chart(draft, injector, 1, [lip_line()])
    assert "changed by Ines" in caught.value.message
    assert "reload" in caught.value.message
    assert [line.product for line in draft.lines.all()] == ["botox_cosmetic"]


def test_it_names_the_field_of_a_bad_point(draft: Session, injector: User) -> None:
    line = glabellar_line()
    line["points"][2] = {"site": "procerus", "volume_ml": 0.2}
    with pytest.raises(InvalidInput) as caught:
        actions.save_chart(draft, injector, 1, [line])
    assert caught.value.field == "lines.0.points.2.units"


def test_it_rejects_an_unknown_site(draft: Session, injector: User) -> None:
    line = glabellar_line()
    line["points"][0]["site"] = "elbow"
    with pytest.raises(InvalidInput) as caught:
        actions.save_chart(draft, injector, 1, [line])
    assert caught.value.field == "lines.0.points.0.site"
    assert Session.objects.get(pk=draft.pk).version == 1


def test_front_desk_cannot_chart(draft: Session, front_desk: User) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.save_chart(draft, front_desk, 1, [glabellar_line()])


def test_it_writes_an_audit_event(draft: Session, injector: User) -> None:
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    event = AuditEvent.objects.filter(object_type="treatments.session", action="update").get()
    assert event.user == injector
    assert event.object_id == str(draft.pk)
