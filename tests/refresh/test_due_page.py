"""The front desk's due page, its CSV download, and the clinician's wear-off form."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import signed_in
from glabella.accounts.models import User
from glabella.audit.models import AuditEvent
from glabella.patients.models import Patient
from glabella.refresh import queries
from glabella.refresh.models import CLINICIAN, WearOffReport

from .conftest import days_ago, treat


def test_the_front_desk_sees_who_is_due(front_desk: User, patient: Patient) -> None:
    treat(patient, days_ago(100))
    response = signed_in(front_desk).get(reverse("refresh:due"), {"weeks": 2})
    assert response.status_code == 200
    page = response.content.decode()
    assert "SMITH, Anna" in page
    assert "email, text" in page
    assert AuditEvent.objects.filter(action="due_list", user=front_desk).exists()


def test_the_due_list_downloads_as_csv(front_desk: User, patient: Patient) -> None:
    treat(patient, days_ago(100))
    response = signed_in(front_desk).get(reverse("refresh:due"), {"weeks": 2, "format": "csv"})
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["patient"], r["indication"], r["predicted_on"]) for r in rows] == [
        ("SMITH, Anna", "glabellar_lines", days_ago(-5).isoformat())
    ]


def test_a_visitor_is_sent_to_log_in() -> None:
    response = Client().get(reverse("refresh:due"))
    assert response.status_code == 302


def test_the_patient_page_shows_the_forecast(client_a: Client, patient: Patient) -> None:
    treat(patient, days_ago(10))
    response = client_a.get(reverse("patients:detail", kwargs={"patient_id": patient.pk}))
    assert "Refresh forecast" in response.content.decode()
    assert "typical duration for BOTOX Cosmetic" in response.content.decode()


def test_a_clinician_records_a_wear_off(client_a: Client, patient: Patient) -> None:
    treat(patient, days_ago(150))
    url = reverse("refresh:clinician_wear_off", kwargs={"patient_id": patient.pk})
    data = {"indication": "glabellar_lines", "reported_on": days_ago(30).isoformat()}
    response = client_a.post(url, data)
    assert response.status_code == 302
    report = WearOffReport.objects.get(patient=patient)
    assert (report.source, report.days) == (CLINICIAN, 120)
    assert AuditEvent.objects.filter(action="create", object_type="refresh.wearoffreport").exists()


def test_the_front_desk_cannot_record_a_wear_off(front_desk: User, patient: Patient) -> None:
    url = reverse("refresh:clinician_wear_off", kwargs={"patient_id": patient.pk})
    response = signed_in(front_desk).post(url, {"indication": "glabellar_lines"})
    assert response.status_code == 403


def test_a_bad_wear_off_date_is_explained(client_a: Client, patient: Patient) -> None:
    url = reverse("refresh:clinician_wear_off", kwargs={"patient_id": patient.pk})
    data = {"indication": "glabellar_lines", "reported_on": days_ago(-3).isoformat()}
    response = client_a.post(url, data)
    assert response.status_code == 422
    assert "future" in response.content.decode()


def test_a_long_list_links_to_the_next_page(
    front_desk: User, patient: Patient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "PAGE_SIZE", 1)
    treat(patient, days_ago(100))
    treat(patient, days_ago(95), "juvederm_volbella_xc", "lip_augmentation")
    client = signed_in(front_desk)
    first = client.get(reverse("refresh:due"), {"weeks": 52}).content.decode()
    assert "Next page" in first
    cursor = re.search(r"after=([0-9-]+\.\d+)", first)
    assert cursor is not None
    second = client.get(reverse("refresh:due"), {"weeks": 52, "after": cursor.group(1)})
    assert "First page" in second.content.decode()
    assert "Next page" not in second.content.decode()


def test_every_page_links_to_the_due_list(front_desk: User) -> None:
    page = signed_in(front_desk).get(reverse("home")).content.decode()
    assert f'href="{reverse("refresh:due")}"' in page
