"""Two saves of the same draft version at once: one wins, one gets the Conflict, nothing lost."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import close_old_connections, connection, transaction

from glabella.accounts.models import Clinic
from glabella.accounts.roles import Role
from glabella.errors import Conflict
from glabella.treatments import actions
from glabella.treatments.models import InjectionPoint, Session

from .builders import glabellar_line, lip_line, patient_in, user_in


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_version_give_one_conflict() -> None:
    clinic = Clinic.objects.create(name="Race", slug="race")
    first, second = (
        user_in(clinic, Role.INJECTOR, "first"),
        user_in(clinic, Role.INJECTOR, "second"),
    )
    session = actions.create_session(patient_in(clinic), first)
    barrier = threading.Barrier(2)
    outcomes: dict[str, Any] = {}

    def save(name: str, user: Any, line: dict[str, Any]) -> None:
        try:
            own = Session.objects.get(pk=session.pk)
            barrier.wait(timeout=10)
            with transaction.atomic():
                actions.save_chart(own, user, 1, [line])
            outcomes[name] = "saved"
        except Conflict as exc:
            outcomes[name] = exc
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=save, args=("first", first, glabellar_line())),
        threading.Thread(target=save, args=("second", second, lip_line())),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    winners = [name for name, outcome in outcomes.items() if outcome == "saved"]
    losers = [outcome for outcome in outcomes.values() if isinstance(outcome, Conflict)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert "changed by" in losers[0].message
    stored = Session.objects.get(pk=session.pk)
    assert stored.version == 2
    winner_product = "botox_cosmetic" if winners == ["first"] else "juvederm_volbella_xc"
    assert [line.product for line in stored.lines.all()] == [winner_product]
    expected_points = 5 if winner_product == "botox_cosmetic" else 1
    assert InjectionPoint.objects.filter(line__session=stored).count() == expected_points


@pytest.mark.django_db
def test_a_sequential_stale_save_is_refused_and_writes_nothing(clinic_a: Clinic) -> None:
    user = user_in(clinic_a, Role.INJECTOR, "solo")
    session = actions.create_session(patient_in(clinic_a), user)
    actions.save_chart(session, user, 1, [glabellar_line()])
    stale = Session.objects.get(pk=session.pk)
    stale.version = 1
    with pytest.raises(Conflict):
        actions.save_chart(stale, user, 1, [lip_line()])
    assert [line.product for line in session.lines.all()] == ["botox_cosmetic"]
    assert Session.objects.get(pk=session.pk).version == 2
