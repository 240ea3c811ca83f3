"""Nothing is sent in the clinic's quiet hours; due messages wait for the window's end."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.test import Client

from glabella.accounts.models import Clinic, User
from glabella.followup import worker
from glabella.followup.models import FollowupSettings
from glabella.followup.quiet import quiet_until
from glabella.patients.models import Patient

from .builders import message_in
from .conftest import Inbox

PARIS = ZoneInfo("Europe/Paris")


def night(clinic: Clinic) -> FollowupSettings:
    return FollowupSettings.objects.create(
        clinic=clinic, quiet_start=time(21), quiet_end=time(8), timezone="Europe/Paris"
    )


def test_a_message_due_at_night_waits_until_morning(
    clinic_a: Clinic, patient: Patient, smtp: Inbox
) -> None:
    night(clinic_a)
    late = datetime(2026, 3, 10, 23, 30, tzinfo=PARIS)
    message = message_in(
        clinic_a, patient=patient, state="pending", due_at=late, next_attempt_at=late
    )

    counts = worker.drain("w", clock=lambda: late)

    assert counts.deferred == 1 and smtp.mails == []
    message.refresh_from_db()
    assert message.state == "pending" and message.attempts == 0
    assert message.next_attempt_at == datetime(2026, 3, 11, 8, 0, tzinfo=PARIS)
    morning = datetime(2026, 3, 11, 8, 0, tzinfo=PARIS)
    assert worker.drain("w", clock=lambda: morning).sent == 1


def test_the_window_wraps_past_midnight(clinic_a: Clinic) -> None:
    settings = night(clinic_a)
    assert quiet_until(datetime(2026, 3, 10, 6, 0, tzinfo=PARIS), settings, "UTC") == datetime(
        2026, 3, 10, 8, 0, tzinfo=PARIS
    )
    assert quiet_until(datetime(2026, 3, 10, 12, 0, tzinfo=PARIS), settings, "UTC") is None


def test_a_daytime_window_and_the_clinic_timezone(clinic_a: Clinic) -> None:
    settings = FollowupSettings(clinic=clinic_a, quiet_start=time(12), quiet_end=time(14))
    lunch = datetime(2026, 7, 1, 10, 30, tzinfo=ZoneInfo("UTC"))  # 12:30 in Paris
    assert quiet_until(lunch, settings, "Europe/Paris") == datetime(2026, 7, 1, 14, 0, tzinfo=PARIS)


def test_no_settings_means_no_quiet_hours() -> None:
    assert quiet_until(datetime(2026, 3, 10, 3, 0, tzinfo=PARIS), None, "UTC") is None


def test_a_clinic_admin_sets_the_quiet_hours(clinic_a: Clinic, admin_user: User) -> None:
    client = Client()
    client.force_login(admin_user)
    body = {"quiet_start": "21:00", "quiet_end": "08:00", "timezone": "", "reminder_lead_hours": 48}
    assert client.post("/followup/settings/", body).status_code == 302
    saved = FollowupSettings.objects.get(clinic=clinic_a)
    assert (saved.quiet_start, saved.quiet_end, saved.reminder_lead_hours) == (
        time(21),
        time(8),
        48,
    )


def test_other_roles_cannot_change_them(client_a: Client) -> None:
    assert client_a.get("/followup/settings/").status_code == 403
