from __future__ import annotations

from django.test import Client
from django.urls import reverse

from glabella.accounts.models import User
from glabella.treatments import actions
from glabella.treatments.models import Session
from treatments.builders import glabellar_line, lip_line, profile


def save_url(session: Session) -> str:
    return reverse("treatments:save_chart", kwargs={"session_id": session.pk})


def posted(session: Session, **extra: str) -> dict[str, str]:
    """The chart form as the page posts it, for a session with one glabellar line."""
    data = {
        "version": str(session.version),
        "lines-count": "1",
        "lines-0-product": "botox_cosmetic",
        "lines-0-indication": "glabellar_lines",
        "points-count": "0",
        "active_line": "0",
    }
    return data | extra


def test_applying_a_template_saves_and_returns_the_redrawn_chart(
    client_a: Client, draft: Session, injector: User
) -> None:
    actions.save_chart(draft, injector, draft.version, [{**glabellar_line(), "points": []}])
    response = client_a.post(
        save_url(draft), posted(draft, apply="0:glabellar_5_point"), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "20 U" in html
    draft.refresh_from_db()
    assert f'name="version" value="{draft.version}"' in html
    assert draft.lines.get().points.count() == 5


def test_the_partial_lists_the_engines_findings(
    client_a: Client, draft: Session, injector: User
) -> None:
    profile(draft.patient, pregnant=True)
    response = client_a.post(
        save_url(draft),
        {
            "version": str(draft.version),
            "lines-count": "1",
            "lines-0-product": "juvederm_volbella_xc",
            "lines-0-indication": "lip_augmentation",
            "points-count": "0",
            "lines-0-volume": "0.5",
            "add_site": "lip_upper",
            "active_line": "0",
        },
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "PREGNANCY" in html
    assert 'id="verdict">block' in html
    assert "disabled" in html


def test_a_stale_save_shows_the_conflict_and_keeps_the_users_points(
    client_a: Client, charted: Session, injector: User
) -> None:
    stale_version = charted.version
    actions.save_chart(charted, injector, charted.version, [lip_line()])
    data = posted(charted, apply="0:glabellar_5_point") | {"version": str(stale_version)}
    response = client_a.post(save_url(charted), data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Not saved: someone else changed this draft" in html
    assert "reload to see their changes" in html
    assert 'name="points-count" value="5"' in html
    charted.refresh_from_db()
    assert charted.lines.get().product == "juvederm_volbella_xc"


def test_without_javascript_a_save_redirects_back_to_the_chart(
    client_a: Client, charted: Session
) -> None:
    response = client_a.post(save_url(charted), posted(charted, apply="0:glabellar_5_point"))
    assert response.status_code == 302


def test_an_invalid_dose_is_reported_and_not_saved(client_a: Client, charted: Session) -> None:
    data = posted(charted, **{"points-count": "1", "points-0-line": "0"})
    data |= {"points-0-site": "procerus", "points-0-amount": "lots"}
    response = client_a.post(save_url(charted), data)
    assert response.status_code == 422
    assert "Enter a number" in response.content.decode()


def test_the_front_desk_cannot_save_a_chart(front_desk_client: Client, charted: Session) -> None:
    assert front_desk_client.post(save_url(charted), posted(charted)).status_code == 403


def test_a_typed_warning_reason_survives_a_change_to_the_chart(
    client_a: Client, draft: Session, injector: User
) -> None:
    profile(draft.patient, medications=["anticoagulant"])
    actions.save_chart(draft, injector, draft.version, [{**glabellar_line(), "points": []}])
    first = client_a.post(
        save_url(draft), posted(draft, apply="0:glabellar_5_point"), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'name="ack-0-code" value="BLEEDING_RISK"' in first
    draft.refresh_from_db()
    # The injector types a reason, then changes something else before signing.
    reason = "Anticoagulant reviewed with her GP; small needle and pressure"
    second = client_a.post(
        save_url(draft),
        posted(
            draft,
            **{
                "ack-count": "1",
                "ack-0-code": "BLEEDING_RISK",
                "ack-0-treatment": "0",
                "ack-0-site": "",
                "ack-0-reason": reason,
                "add_site": "procerus",
            },
        ),
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert f'name="ack-0-reason" rows="2">{reason}</textarea>' in second
    assert not draft.acknowledgements.exists()  # typed, not yet stored


def test_a_moved_point_is_stored_and_drawn_where_it_was_moved(
    client_a: Client, charted: Session
) -> None:
    data = posted(charted, **{"points-count": "2"})
    for m, (x, y) in enumerate([("0.25", "0.75"), ("", "")]):
        data |= {
            f"points-{m}-line": "0",
            f"points-{m}-site": "procerus",
            f"points-{m}-amount": "4",
            f"points-{m}-x": x,
            f"points-{m}-y": y,
        }
    response = client_a.post(save_url(charted), data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    moved, unmoved = charted.lines.get().points.all()
    assert (moved.x, moved.y) == (0.25, 0.75)
    assert (unmoved.x, unmoved.y) == (None, None)
    # The moved marker sits at its saved place (0.25 x 300, 0.75 x 360), the other on its site.
    assert '<g class="point line-0" data-point="0" tabindex="0"' in html
    assert '<circle cx="75.0" cy="270.0" r="5" pointer-events="all"/>' in html
    assert 'name="points-0-x" value="0.25"' in html
    assert 'name="points-1-x" value=""' in html
    page = client_a.get(reverse("treatments:session", kwargs={"session_id": charted.pk}))
    assert '<circle cx="75.0" cy="270.0" r="5" pointer-events="all"/>' in page.content.decode()


def test_a_position_off_the_diagram_is_refused(client_a: Client, charted: Session) -> None:
    data = posted(charted, **{"points-count": "1", "points-0-line": "0"})
    data |= {"points-0-site": "procerus", "points-0-amount": "4", "points-0-x": "1.5"}
    data |= {"points-0-y": "0.5"}
    response = client_a.post(save_url(charted), data, HTTP_HX_REQUEST="true")
    assert "A diagram position is a number from 0 to 1." in response.content.decode()
    assert charted.lines.get().points.count() == 5
