"""The signed-session page shows the review proposed at signing and the aftercare's state."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.test import Client, RequestFactory

from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent
from glabella.followup.models import Appointment, Message
from glabella.patients.models import Patient
from glabella.treatments import actions
from glabella.treatments.models import Session
from treatments.builders import glabellar_line

from .builders import patient_in

TAG = Template("{% load followup_tags %}{% session_followup session %}")


def signed(patient: Patient, injector: User) -> Session:
    draft = actions.create_session(patient, injector)
    actions.save_chart(draft, injector, 1, [glabellar_line()])
    return actions.sign_session(draft, injector)


def page_of(client: Client, session: Session) -> str:
    response = client.get(f"/treatments/sessions/{session.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_proposed_review_shows_in_clinic_time_with_confirm_and_change_time(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    clinic_a.timezone = "Asia/Tokyo"
    clinic_a.save()
    session = signed(patient, injector)
    review = Appointment.objects.get(session=session, kind="review", status="proposed")

    page = page_of(client_a, session)

    local = review.starts_at.astimezone(ZoneInfo("Asia/Tokyo"))
    utc = review.starts_at.astimezone(ZoneInfo("UTC"))
    assert f"{local:%A} {local.day} {local:%B %Y, %H:%M}" in page
    assert f"{utc.day} {utc:%B %Y, %H:%M}" not in page
    assert "Ines Tester" in page
    assert f'action="/followup/appointments/{review.pk}/confirm/"' in page
    assert f'href="/followup/appointments/{review.pk}/">Change time</a>' in page
    assert "<strong>pending</strong>" in page
    assert f'href="/followup/sessions/{session.pk}/aftercare/"' in page


def test_confirming_from_the_panel_books_the_review_and_comes_back(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    session = signed(patient, injector)
    review = Appointment.objects.get(session=session, kind="review")
    back = f"/treatments/sessions/{session.pk}/"

    response = client_a.post(f"/followup/appointments/{review.pk}/confirm/", {"next": back})

    assert response.status_code == 302 and response["Location"] == back
    review.refresh_from_db()
    assert review.status == "booked"
    assert AuditEvent.objects.filter(
        action="update", object_type="followup.appointment", object_id=str(review.pk)
    ).exists()
    page = page_of(client_a, session)
    assert "Booked:" in page and "Confirm this review" not in page


def test_confirm_does_not_redirect_off_site(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    review = Appointment.objects.get(session=signed(patient, injector), kind="review")
    response = client_a.post(
        f"/followup/appointments/{review.pk}/confirm/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/followup/appointments/{review.pk}/"


def test_an_opted_out_patient_shows_suppressed_aftercare(
    clinic_a: Clinic, injector: User, client_a: Client
) -> None:
    patient = patient_in(clinic_a, email_opt_out=True)
    session = signed(patient, injector)
    assert Message.objects.get(session=session).state == "suppressed"
    page = page_of(client_a, session)
    assert "<strong>suppressed</strong>" in page and "opted out" in page


def test_a_sent_aftercare_and_a_patient_without_email(
    clinic_a: Clinic, patient: Patient, injector: User, client_a: Client
) -> None:
    session = signed(patient, injector)
    Message.objects.filter(session=session).update(state="sent")
    assert "<strong>sent</strong>" in page_of(client_a, session)

    no_email = patient_in(clinic_a, email="")
    other = signed(no_email, injector)
    assert not Message.objects.filter(session=other).exists()
    page = page_of(client_a, other)
    assert "<strong>not sent</strong>" in page
    assert f'href="/followup/sessions/{other.pk}/aftercare/"' in page


def tag_request(clinic: Clinic, user: User) -> Any:
    request = RequestFactory().get("/treatments/sessions/1/")
    request.clinic = clinic  # type: ignore[attr-defined]
    request.user = user
    return request


def test_the_panel_runs_two_queries_and_nothing_for_a_draft(
    clinic_a: Clinic,
    patient: Patient,
    injector: User,
    django_assert_num_queries: Any,
) -> None:
    session = Session.objects.select_related("patient").get(pk=signed(patient, injector).pk)
    request = tag_request(clinic_a, injector)
    with django_assert_num_queries(2):
        html = TAG.render(Context({"session": session, "request": request}))
    assert "Follow-up" in html

    draft = actions.create_session(patient, injector)
    with django_assert_num_queries(0):
        assert TAG.render(Context({"session": draft, "request": request})).strip() == ""
