"""Charting in Chromium: templates, taps, live safety checks, signing, repeating, the PDF."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from glabella.accounts.models import Clinic, User
from glabella.patients.models import Patient
from glabella.treatments import actions
from glabella.treatments.models import SIGNED, Session
from treatments.builders import glabellar_line, lip_line, patient_in, profile

from .helpers import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def patient(clinic_a: Clinic) -> Patient:
    return patient_in(clinic_a)


def start_session(page: Page, patient: Patient, indication: str, product: str) -> None:
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="New session").click()
    page.get_by_label("Indication").select_option(label=indication)
    page.get_by_label("Product").select_option(label=product)
    page.get_by_role("button", name="Start charting").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("draft")


def open_chart(page: Page, user: User, session: Session) -> None:
    sign_in(page, user.username, PASSWORD)
    page.goto(f"/treatments/sessions/{session.pk}/")


def signed_glabellar(patient: Patient, injector: User) -> Session:
    session = actions.create_session(patient, injector)
    actions.save_chart(session, injector, session.version, [glabellar_line()])
    return actions.sign_session(session, injector)


def test_a_glabellar_template_applied_with_one_click_totals_20_units(
    page: Page, injector: User, patient: Patient
) -> None:
    sign_in(page, injector.username, PASSWORD)
    start_session(page, patient, "Glabellar lines", "BOTOX Cosmetic (U)")
    page.get_by_role("button", name="Apply Glabellar lines, 5 points (20 U)").click()
    totals = page.locator("#totals")
    expect(totals).to_contain_text("20 U")
    expect(totals).to_contain_text("5 sites")
    # A tap on a site adds a point there with the line's dose; the keyboard does the same.
    page.locator('[data-site="frontalis_c"]').click()
    expect(totals).to_contain_text("24 U")
    page.locator('[data-site="frontalis_l"]').focus()
    page.keyboard.press("Enter")
    expect(totals).to_contain_text("28 U")
    page.get_by_role("button", name="Remove point 7").click()
    expect(totals).to_contain_text("24 U")


def centre(circle: Locator) -> tuple[float, float]:
    return float(circle.get_attribute("cx") or "nan"), float(circle.get_attribute("cy") or "nan")


def test_a_point_dragged_on_the_diagram_is_saved_where_it_was_dropped(
    page: Page, injector: User, patient: Patient
) -> None:
    sign_in(page, injector.username, PASSWORD)
    start_session(page, patient, "Glabellar lines", "BOTOX Cosmetic (U)")
    page.get_by_role("button", name="Apply Glabellar lines, 5 points (20 U)").click()
    expect(page.locator("#totals")).to_contain_text("20 U")
    version = page.locator('#chart-form input[name="version"]')
    before = version.input_value()
    point = Session.objects.get().lines.get().points.get(position=0)
    assert (point.x, point.y) == (None, None)

    marker = page.locator('#chart-form [data-point="0"] circle')
    marker.scroll_into_view_if_needed()
    origin = centre(marker)
    box = marker.bounding_box()
    assert box is not None
    start_x, start_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(start_x, start_y)
    page.mouse.down()
    page.mouse.move(start_x + 20, start_y + 15, steps=5)
    page.mouse.move(start_x + 40, start_y + 30, steps=5)
    page.mouse.up()

    expect(version).not_to_have_value(before)  # saved, and the chart swapped in again
    expect(page.locator('#chart-form input[name="points-0-x"]')).not_to_have_value("")
    expect(page.locator("#totals")).to_contain_text("20 U")
    expect(page.locator("#totals")).to_contain_text("5 sites")
    point = Session.objects.get().lines.get().points.get(position=0)  # saved anew
    assert point.x is not None and point.y is not None
    # Dragged right and down, and redrawn where it was stored (the diagram is 300 x 360).
    assert point.x > origin[0] / 300 and point.y > origin[1] / 360
    assert abs(point.x * 300 - centre(marker)[0]) < 1 and abs(point.y * 360 - centre(marker)[1]) < 1
    assert Session.objects.get().lines.get().points.count() == 5


def test_a_point_is_moved_with_the_arrow_keys_and_saved_with_enter(
    page: Page, injector: User, patient: Patient
) -> None:
    session = actions.create_session(patient, injector)
    actions.save_chart(session, injector, session.version, [glabellar_line()])
    open_chart(page, injector, session)
    version = page.locator('#chart-form input[name="version"]')
    before = version.input_value()
    marker = page.locator('#chart-form [data-point="1"]')
    x, y = centre(marker.locator("circle"))
    marker.focus()
    for key in ["ArrowRight", "ArrowRight", "ArrowUp", "Escape", "ArrowLeft", "ArrowDown"]:
        page.keyboard.press(key)  # Escape puts the first three back
    page.keyboard.press("Enter")
    expect(version).not_to_have_value(before)  # saved, and the chart swapped in again
    expect(page.locator('#chart-form [data-point="1"]')).to_be_focused()
    expect(page.locator("#totals")).to_contain_text("20 U")
    point = Session.objects.get().lines.get().points.get(position=1)
    assert point.x == pytest.approx(x / 300 - 0.01, abs=0.001)
    assert point.y == pytest.approx(y / 360 + 0.01, abs=0.001)


def test_preempt_charts_155_units_at_31_sites(page: Page, injector: User, patient: Patient) -> None:
    sign_in(page, injector.username, PASSWORD)
    start_session(page, patient, "Chronic migraine", "BOTOX (U)")
    page.get_by_role(
        "button", name="Apply PREEMPT chronic migraine, 31 sites (155 U)", exact=True
    ).click()
    expect(page.locator("#totals")).to_contain_text("155 U")
    expect(page.locator("#totals")).to_contain_text("31 sites")
    expect(page.get_by_role("group", name="Back of the head and neck")).to_be_visible()


def test_a_pregnant_patients_lip_filler_cannot_be_signed(
    page: Page, injector: User, patient: Patient
) -> None:
    profile(patient, pregnant=True)
    session = actions.create_session(patient, injector)
    actions.save_chart(session, injector, session.version, [lip_line()])
    open_chart(page, injector, session)
    expect(page.locator("#verdict")).to_have_text("block")
    expect(page.locator("#findings")).to_contain_text("PREGNANCY")
    expect(page.get_by_role("button", name="Sign session")).to_be_disabled()
    session.refresh_from_db()
    assert session.status != SIGNED


def test_a_warning_cannot_be_signed_without_a_written_reason(
    page: Page, injector: User, patient: Patient
) -> None:
    profile(patient, medications=["anticoagulant"])
    session = actions.create_session(patient, injector)
    actions.save_chart(session, injector, session.version, [glabellar_line()])
    open_chart(page, injector, session)
    expect(page.locator("#verdict")).to_have_text("warn")
    page.get_by_role("button", name="Sign session").click()
    expect(page.locator(".messages")).to_contain_text("Acknowledge with a reason")
    session.refresh_from_db()
    assert session.status != SIGNED

    page.get_by_label(re.compile("Reason to go ahead despite")).first.fill(
        "Anticoagulant reviewed with the prescriber; small gauge needle, pressure after."
    )
    page.get_by_role("button", name="Sign session").click()
    expect(page.locator(".messages")).to_contain_text("Session signed")
    session.refresh_from_db()
    assert session.status == SIGNED
    assert session.acknowledgements.get().reason.startswith("Anticoagulant reviewed")


def test_repeat_last_session_copies_the_map_as_a_new_draft(
    page: Page, injector: User, patient: Patient
) -> None:
    previous = signed_glabellar(patient, injector)
    sign_in(page, injector.username, PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="Repeat last session: Glabellar lines").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("draft")
    expect(page.locator("#totals")).to_contain_text("20 U")
    repeated = Session.objects.exclude(pk=previous.pk).get()
    assert repeated.repeated_from_id == previous.pk


def test_the_signed_chart_downloads_as_a_pdf_with_its_doses(
    page: Page, injector: User, patient: Patient
) -> None:
    session = signed_glabellar(patient, injector)
    open_chart(page, injector, session)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    path = download_info.value.path()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "Procerus" in text
    assert "20" in text
