import json
from collections.abc import Callable
from typing import Any

from django.test import Client

from glabella.accounts.models import User
from glabella.audit.models import AuditEvent
from glabella.patients.models import Patient

Fields = Callable[..., dict[str, Any]]
BASE = "/api/v1/patients"


def send(client: Client, method: str, path: str, body: object) -> Any:
    call = getattr(client, method)
    return call(path, data=json.dumps(body), content_type="application/json")


def test_it_registers_a_patient_and_audits_the_write(
    client_a: Client, valid_fields: Fields
) -> None:
    response = send(client_a, "post", BASE, valid_fields())
    assert response.status_code == 201
    body = response.json()
    assert (body["family_name"], body["record_number"], body["birth_date"]) == (
        "Smith",
        1,
        "1986-04-02",
    )
    event = AuditEvent.objects.get(action="create")
    assert (event.channel, event.object_id) == ("api", str(body["id"]))


def test_it_rejects_a_bad_field_with_its_name_and_what_is_allowed(
    client_a: Client, valid_fields: Fields
) -> None:
    response = send(client_a, "post", BASE, valid_fields(birth_date="31-12-1990"))
    assert response.status_code == 422
    assert response.json()["error"] == {
        "field": "birth_date",
        "message": "birth_date: '31-12-1990' is not a date; use YYYY-MM-DD or DD/MM/YYYY",
        "code": "invalid",
    }


def test_it_searches_and_reads_a_patient(client_a: Client, patient: Patient) -> None:
    found = client_a.get(BASE, {"q": "smi an"}).json()
    assert [row["id"] for row in found] == [patient.pk]
    assert client_a.get(f"{BASE}/{patient.pk}").json()["given_name"] == "Anna"
    assert AuditEvent.objects.filter(action="read", channel="api").count() == 1


def test_it_replaces_demographics(client_a: Client, patient: Patient, valid_fields: Fields) -> None:
    response = send(client_a, "put", f"{BASE}/{patient.pk}", valid_fields(given_name="Hanna"))
    assert response.json()["given_name"] == "Hanna"
    assert AuditEvent.objects.filter(action="update", channel="api").exists()


def test_profiles_are_recorded_and_listed_newest_first(client_a: Client, patient: Patient) -> None:
    send(client_a, "post", f"{BASE}/{patient.pk}/profiles", {"pregnant": True})
    created = send(
        client_a,
        "post",
        f"{BASE}/{patient.pk}/profiles",
        {
            "conditions": ["keloid_history"],
            "weight_kg": 70.5,
            "skin_tests": [{"product": "bellafill", "date": "2026-01-02", "result": "negative"}],
        },
    )
    assert created.status_code == 201
    listed = client_a.get(f"{BASE}/{patient.pk}/profiles").json()
    assert [p["conditions"] for p in listed] == [["keloid_history"], []]
    assert listed[0]["skin_tests"][0]["date"] == "2026-01-02"


def test_an_unknown_allergy_is_refused_by_field(client_a: Client, patient: Patient) -> None:
    response = send(client_a, "post", f"{BASE}/{patient.pk}/profiles", {"allergies": ["latex"]})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "allergies"


def test_prior_treatments_feed_the_engine_input(client_a: Client, patient: Patient) -> None:
    created = send(
        client_a,
        "post",
        f"{BASE}/{patient.pk}/prior-treatments",
        {"date": "2026-09-01", "product": "botox", "indication": "chronic_migraine", "units": 155},
    )
    assert created.status_code == 201
    assert len(client_a.get(f"{BASE}/{patient.pk}/prior-treatments").json()) == 1
    engine = client_a.get(f"{BASE}/{patient.pk}/engine-input").json()
    assert engine["patient"]["birth_date"] == "1986-04-02"
    assert engine["history"] == [
        {"date": "2026-09-01", "product": "botox", "indication": "chronic_migraine", "units": 155.0}
    ]


def test_front_desk_gets_demographics_but_not_clinical_data(
    front_desk: User, patient: Patient
) -> None:
    client = Client()
    client.force_login(front_desk)
    assert client.get(f"{BASE}/{patient.pk}").status_code == 200
    assert client.get(f"{BASE}/{patient.pk}/profiles").status_code == 403
    assert client.get(f"{BASE}/{patient.pk}/engine-input").status_code == 403
    assert send(client, "post", f"{BASE}/{patient.pk}/prior-treatments", {}).status_code in {
        403,
        422,
    }


def test_a_visitor_gets_401(patient: Patient) -> None:
    assert Client().get(f"{BASE}/{patient.pk}").status_code == 401
