from __future__ import annotations

from django.test import Client
from django.urls import reverse

from glabella.patients.models import Patient
from glabella.treatments.models import Session


def test_it_lists_sessions_and_offers_new_session_and_plan(
    client_a: Client, patient: Patient, charted: Session
) -> None:
    html = client_a.get(reverse("patients:detail", kwargs={"patient_id": patient.pk})).content
    page = html.decode()
    assert "Treatment sessions" in page
    assert f"Open session {charted.pk}" in page
    assert "New session" in page
    assert "BOTOX Cosmetic 20 U" in page
