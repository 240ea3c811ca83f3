"""The patient's one-click wear-off link: valid, tampered, expired, repeated."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.test import Client

from glabella.audit.models import AuditEvent
from glabella.patients.models import Patient
from glabella.refresh.links import LINK_MAX_AGE, wear_off_link
from glabella.refresh.models import PATIENT_LINK, RefreshForecast, WearOffReport

from .conftest import days_ago, treat


@pytest.fixture
def link(patient: Patient) -> str:
    treat(patient, days_ago(120))
    return wear_off_link(patient, "glabellar_lines")


def test_the_link_shows_only_the_first_name_and_a_button(link: str, patient: Patient) -> None:
    response = Client().get(link)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Anna" in page
    assert "Smith" not in page
    assert "anna@example.org" not in page
    assert 'method="post"' in page
    assert AuditEvent.objects.filter(action="read", channel="link", object_id=str(patient.pk))


def test_confirming_records_the_report_and_moves_the_forecast(link: str, patient: Patient) -> None:
    response = Client().post(link)
    assert response.status_code == 200
    report = WearOffReport.objects.get(patient=patient)
    assert (report.source, report.treated_on, report.days) == (PATIENT_LINK, days_ago(120), 120)
    assert RefreshForecast.objects.get(patient=patient).basis == "blended"
    assert AuditEvent.objects.filter(
        action="create", channel="link", object_type="refresh.wearoffreport"
    )


def test_confirming_twice_records_one_report(link: str, patient: Patient) -> None:
    client = Client()
    client.post(link)
    assert client.post(link).status_code == 200
    assert WearOffReport.objects.filter(patient=patient).count() == 1


def test_a_tampered_link_is_refused(link: str, patient: Patient) -> None:
    tampered = link.replace(link.split("/")[-2], link.split("/")[-2][:-2] + "xx")
    assert Client().get(tampered).status_code == 404
    assert Client().post(tampered).status_code == 404
    assert not WearOffReport.objects.exists()


def test_an_expired_link_is_refused(link: str, monkeypatch: pytest.MonkeyPatch) -> None:
    later = time.time() + LINK_MAX_AGE.total_seconds() + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = Client().post(link)
    assert response.status_code == 410
    assert b"expired" in response.content
    assert not WearOffReport.objects.exists()


def test_a_link_for_a_deleted_patient_is_refused(link: str, patient: Patient) -> None:
    patient.delete()
    assert Client().get(link).status_code == 404
