"""The chart diagram's points: on their site, or where they were moved."""

from __future__ import annotations

from glabella.knowledge import load_knowledge
from glabella.treatments import diagram


def test_a_moved_point_is_drawn_at_its_saved_place_and_the_rest_on_their_sites() -> None:
    kb = load_knowledge()
    site_x, site_y = diagram.position(kb.sites["procerus"])
    points = [
        diagram.PlacedPoint("procerus", "4", 0, x=0.1, y=0.2),
        diagram.PlacedPoint("procerus", "4", 1),
    ]
    svg = diagram.render(kb, "face_front", points, interactive=False)
    assert '<g class="point line-0" data-point="0"><circle cx="30.0" cy="72.0" r="5"/>' in svg
    assert f'data-point="1"><circle cx="{site_x:.1f}" cy="{site_y:.1f}" r="5"/>' in svg
    assert "tabindex" not in svg  # the printable chart is not interactive


def test_on_the_charting_page_points_are_keyboard_and_pointer_targets() -> None:
    kb = load_knowledge()
    svg = diagram.render(kb, "face_front", [diagram.PlacedPoint("procerus", "4", 3)])
    assert 'data-point="3" tabindex="0" role="button" aria-label="Point 4:' in svg
    assert 'r="5" pointer-events="all"/>' in svg
