"""The JSON API books, moves, cancels and lists, with the same rules as the pages."""

from __future__ import annotations

import json

from django.test import Client

from glabella.accounts.models import Clinic, User
from glabella.patients.models import Patient

from .builders import at, message_in


def post(client: Client, url: str, body: object) -> tuple[int, dict[str, object]]:
    response = client.post(url, data=json.dumps(body), content_type="application/json")
    return response.status_code, json.loads(response.content)


def slot(hour: int) -> dict[str, str]:
    return {"starts_at": at(2, hour).isoformat(), "ends_at": at(2, hour, 30).isoformat()}


def test_book_conflict_move_and_cancel(patient: Patient, injector: User, client_a: Client) -> None:
    body = {"patient_id": patient.pk, "clinician_id": injector.pk, "kind": "treatment", **slot(10)}
    status, created = post(client_a, "/api/v1/followup/appointments", body)
    assert status == 201 and created["status"] == "booked"
    status, error = post(client_a, "/api/v1/followup/appointments", body)
    assert status == 409 and error["error"]["code"] == "double_booked"  # type: ignore[index]

    url = f"/api/v1/followup/appointments/{created['id']}"
    moved = client_a.put(url, data=json.dumps(slot(15)), content_type="application/json")
    assert moved.status_code == 200 and moved.json()["sequence"] == 1
    status, cancelled = post(client_a, f"{url}/cancel", {})
    assert (status, cancelled["status"]) == (200, "cancelled")
    assert client_a.get(f"{url}/ics").content.startswith(b"BEGIN:VCALENDAR")


def test_the_outbox_lists_failures_first_and_retries(
    clinic_a: Clinic, patient: Patient, client_a: Client
) -> None:
    message_in(clinic_a, patient=patient, state="sent", permanent=False)
    failed = message_in(clinic_a, patient=patient)
    listed = client_a.get("/api/v1/followup/outbox").json()
    assert [item["state"] for item in listed] == ["failed", "sent"]
    status, retried = post(client_a, f"/api/v1/followup/outbox/{failed.pk}/retry", {})
    assert (status, retried["state"]) == (200, "pending")
    status, _ = post(client_a, f"/api/v1/followup/outbox/{failed.pk}/retry", {})
    assert status == 409
