from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from glabella.accounts.models import User
from glabella.audit.models import AuditEvent
from glabella.patients.models import Patient

from .builders import glabellar_line, lip_line, profile

BASE = "/api/v1/treatments"


def call(client: Client, method: str, url: str, body: Any = None) -> tuple[int, Any]:
    data = json.dumps(body) if body is not None else None
    response = getattr(client, method)(BASE + url, data=data, content_type="application/json")
    content = response.content
    if response["Content-Type"] == "application/pdf":
        return response.status_code, content
    return response.status_code, json.loads(content) if content else None


@pytest.fixture
def session_id(client_a: Client, patient: Patient) -> int:
    status, body = call(client_a, "post", "/sessions", {"patient_id": patient.pk})
    assert status == 201, body
    return int(body["id"])


def test_the_whole_flow_over_json(client_a: Client, session_id: int, physician: User) -> None:
    status, body = call(
        client_a,
        "post",
        f"/sessions/{session_id}/apply-template",
        {"version": 1, "template": "glabellar_5_point", "product": "botox_cosmetic"},
    )
    assert status == 200, body
    assert body["version"] == 2 and len(body["lines"][0]["points"]) == 5
    status, body = call(client_a, "get", f"/sessions/{session_id}/assessment")
    assert body["totals"] == [{"product": "botox_cosmetic", "units": 20.0}]
    status, body = call(client_a, "post", f"/sessions/{session_id}/sign", {"version": 2})
    assert status == 200, body
    assert body["status"] == "signed" and body["assessment"]["verdict"] == "ok"
    status, body = call(
        client_a,
        "post",
        f"/sessions/{session_id}/addenda",
        {"reason": "Late entry", "text": "Ice applied."},
    )
    assert status == 201, body
    physician_client = Client()
    physician_client.force_login(physician)
    status, queue = call(physician_client, "get", "/cosign-queue")
    assert [s["id"] for s in queue] == [session_id]
    status, body = call(physician_client, "post", f"/sessions/{session_id}/cosign")
    assert status == 201, body
    status, pdf = call(client_a, "get", f"/sessions/{session_id}/pdf")
    assert status == 200 and pdf.startswith(b"%PDF")


def test_a_stale_chart_answers_409(client_a: Client, session_id: int) -> None:
    chart = {"version": 1, "lines": [glabellar_line()]}
    assert call(client_a, "put", f"/sessions/{session_id}/chart", chart)[0] == 200
    status, body = call(client_a, "put", f"/sessions/{session_id}/chart", chart)
    assert status == 409
    assert body["error"]["code"] == "stale_version"
    assert "reload" in body["error"]["message"]


def test_a_bad_point_answers_422_with_its_field(client_a: Client, session_id: int) -> None:
    line = lip_line()
    line["points"][0] = {"site": "lip_upper", "units": 2}
    status, body = call(
        client_a, "put", f"/sessions/{session_id}/chart", {"version": 1, "lines": [line]}
    )
    assert status == 422
    assert body["error"]["field"] == "lines.0.points.0.volume_ml"


def test_a_blocked_session_is_not_signed(
    client_a: Client, session_id: int, patient: Patient
) -> None:
    profile(patient, pregnant=True)
    call(client_a, "put", f"/sessions/{session_id}/chart", {"version": 1, "lines": [lip_line()]})
    status, body = call(client_a, "post", f"/sessions/{session_id}/sign", {})
    assert status == 400
    assert body["error"]["code"] == "blocked"


def test_an_acknowledgement_is_stored(client_a: Client, session_id: int, patient: Patient) -> None:
    status, body = call(
        client_a,
        "post",
        f"/sessions/{session_id}/acknowledgements",
        {"code": "BLEEDING_RISK", "treatment": 0, "reason": "Paused by GP"},
    )
    assert status == 201, body
    assert body["reason"] == "Paused by GP"


def test_front_desk_is_refused(front_desk: User, session_id: int) -> None:
    desk = Client()
    desk.force_login(front_desk)
    assert call(desk, "get", f"/sessions/{session_id}")[0] == 403
    chart = {"version": 1, "lines": [glabellar_line()]}
    assert call(desk, "put", f"/sessions/{session_id}/chart", chart)[0] == 403


def test_reading_a_session_is_audited(client_a: Client, session_id: int) -> None:
    assert call(client_a, "get", f"/sessions/{session_id}")[0] == 200
    assert AuditEvent.objects.filter(
        action="read", object_type="treatments.session", object_id=str(session_id)
    ).exists()


def test_plans_over_json(client_a: Client, patient: Patient) -> None:
    status, plan = call(
        client_a, "post", "/plans", {"patient_id": patient.pk, "concerns": ["frown_lines"]}
    )
    assert status == 201, plan
    assert plan["lines"][0]["template"] == "glabellar_5_point"
    status, saved = call(
        client_a,
        "put",
        f"/plans/{plan['id']}",
        {"lines": [{"indication": "glabellar_lines", "product": "xeomin", "planned_units": 20}]},
    )
    assert status == 200, saved
    assert saved["status"] == "saved" and saved["lines"][0]["product"] == "xeomin"


def test_the_routes_are_in_the_openapi_document(client_a: Client) -> None:
    paths = client_a.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/sessions", "/sessions/{session_id}/chart", "/sessions/{session_id}/sign"):
        assert f"/api/v1/treatments{path}" in paths
