from __future__ import annotations

from django.test import Client
from django.urls import reverse

from glabella.treatments.models import Session


def chart_url(session: Session) -> str:
    return reverse("treatments:session", kwargs={"session_id": session.pk})


def test_it_draws_the_draft_with_its_diagram_points_and_totals(
    client_a: Client, charted: Session
) -> None:
    response = client_a.get(chart_url(charted))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-site="procerus"' in html
    assert "20 U" in html
    assert 'name="points-count" value="5"' in html


def test_it_offers_one_click_templates_for_the_line(client_a: Client, charted: Session) -> None:
    html = client_a.get(chart_url(charted)).content.decode()
    assert "Apply Glabellar lines, 5 points (20 U)" in html


def test_it_denies_the_front_desk(front_desk_client: Client, charted: Session) -> None:
    assert front_desk_client.get(chart_url(charted)).status_code == 403
