from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import signed_in
from glabella.accounts.models import User
from glabella.treatments import actions
from glabella.treatments.models import SIGNED, Session
from treatments.builders import profile


def url(name: str, session: Session) -> str:
    return reverse(f"treatments:{name}", kwargs={"session_id": session.pk})


def test_signing_a_clean_chart_freezes_it(client_a: Client, charted: Session) -> None:
    response = client_a.post(url("sign", charted), {"version": charted.version}, follow=True)
    charted.refresh_from_db()
    assert charted.status == SIGNED
    html = response.content.decode()
    assert "Download PDF" in html
    assert "Add an addendum" in html


def test_a_warning_without_a_reason_is_refused(client_a: Client, charted: Session) -> None:
    profile(charted.patient, medications=["anticoagulant"])
    response = client_a.post(url("sign", charted), {"version": charted.version}, follow=True)
    charted.refresh_from_db()
    assert charted.status != SIGNED
    assert "Acknowledge with a reason" in response.content.decode()


def test_an_addendum_is_added_and_the_chart_stays(client_a: Client, charted: Session) -> None:
    signed = actions.sign_session(charted, charted.injector)
    data = {"reason": "Wrong depth recorded", "text": "Point 1 was intramuscular."}
    response = client_a.post(url("addendum", signed), data, follow=True)
    html = response.content.decode()
    assert "Point 1 was intramuscular." in html
    assert signed.lines.get().points.count() == 5


def test_a_physician_sees_and_cosigns_the_queue(charted: Session, physician: User) -> None:
    actions.sign_session(charted, charted.injector)
    client = signed_in(physician)
    queue = client.get(reverse("treatments:cosign_queue")).content.decode()
    assert f"Session {charted.pk}" in queue
    client.post(url("cosign", charted), {"next": "queue"})
    assert charted.cosignatures.count() == 1


def test_an_injector_has_no_cosign_queue(client_a: Client) -> None:
    assert client_a.get(reverse("treatments:cosign_queue")).status_code == 403
