from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from glabella.accounts.models import User
from glabella.audit.models import AuditEvent
from glabella.errors import InvalidInput
from glabella.patients.actions import record_profile
from glabella.patients.models import MedicalProfile, Patient
from glabella.patients.queries import profile_for_engine


def test_a_new_snapshot_keeps_the_old_one(patient: Patient, injector: User) -> None:
    earlier = timezone.now() - timedelta(days=30)
    first = record_profile(patient, recorded_by=injector, recorded_at=earlier, pregnant=True)
    second = record_profile(patient, recorded_by=injector, allergies=["lidocaine"])
    first.refresh_from_db()
    assert MedicalProfile.objects.filter(patient=patient).count() == 2
    assert (first.pregnant, first.allergies) == (True, [])
    assert (second.pregnant, second.allergies) == (False, ["lidocaine"])


def test_the_engine_gets_the_latest_snapshot_in_the_contract_shape(
    patient: Patient, injector: User
) -> None:
    record_profile(patient, recorded_at=timezone.now() - timedelta(days=9), pregnant=True)
    record_profile(
        patient,
        recorded_by=injector,
        weight_kg="61",
        conditions=["myasthenia_gravis"],
        allergies=["lidocaine"],
        medications=["aminoglycoside"],
        infection_sites=["glabella", "procerus"],
        skin_tests=[{"product": "bellafill", "date": "2026-10-20", "result": "negative"}],
    )
    assert profile_for_engine(patient) == {
        "birth_date": "1986-04-02",
        "sex": "female",
        "weight_kg": 61.0,
        "pregnant": False,
        "breastfeeding": False,
        "conditions": ["myasthenia_gravis"],
        "allergies": ["lidocaine"],
        "medications": ["aminoglycoside"],
        "infection_sites": ["glabella", "procerus"],
        "skin_tests": [{"product": "bellafill", "date": "2026-10-20", "result": "negative"}],
    }


def test_without_a_snapshot_the_engine_gets_defaults(patient: Patient) -> None:
    facts = profile_for_engine(patient)
    assert facts["conditions"] == [] and facts["pregnant"] is False
    assert "weight_kg" not in facts


def test_an_unknown_condition_names_the_allowed_ids(patient: Patient) -> None:
    with pytest.raises(InvalidInput) as caught:
        record_profile(patient, conditions=["myasthenia"])
    assert caught.value.field == "conditions"
    assert "'myasthenia' is not a known condition" in caught.value.message
    assert "myasthenia_gravis" in caught.value.message


def test_a_skin_test_in_the_future_is_rejected(patient: Patient) -> None:
    with pytest.raises(InvalidInput) as caught:
        record_profile(
            patient,
            skin_tests=[{"product": "bellafill", "date": "2999-01-01", "result": "negative"}],
        )
    assert caught.value.field == "skin_tests.0.date"


def test_the_form_records_a_snapshot_and_audits_it(client_a: Client, patient: Patient) -> None:
    response = client_a.post(
        f"/patients/{patient.pk}/profiles/new/",
        {
            "breastfeeding": "on",
            "weight_kg": "58.5",
            "conditions": ["bleeding_disorder"],
            "medications": ["anticoagulant"],
            "skin_tests": "bellafill, 2026-01-05, negative",
        },
    )
    assert response.status_code == 302
    profile = MedicalProfile.objects.get()
    assert profile.breastfeeding and profile.conditions == ["bleeding_disorder"]
    assert profile.skin_tests == [
        {"product": "bellafill", "date": "2026-01-05", "result": "negative"}
    ]
    assert AuditEvent.objects.filter(
        action="create", object_type="patients.medicalprofile"
    ).exists()


def test_the_form_puts_an_unknown_id_on_its_field(client_a: Client, patient: Patient) -> None:
    response = client_a.post(f"/patients/{patient.pk}/profiles/new/", {"allergies": ["peanut"]})
    errors = response.context["form"].errors
    assert "'peanut' is not a known allergy; allowed:" in errors["allergies"][0]
    assert not MedicalProfile.objects.exists()


def test_the_form_explains_a_malformed_skin_test_line(client_a: Client, patient: Patient) -> None:
    response = client_a.post(f"/patients/{patient.pk}/profiles/new/", {"skin_tests": "bellafill"})
    message = response.context["form"].errors["skin_tests"][0]
    assert message.startswith("skin_tests: line 1 has 1 parts; write product, YYYY-MM-DD")


def test_front_desk_may_not_record_a_profile(front_desk: User, patient: Patient) -> None:
    client = Client()
    client.force_login(front_desk)
    assert client.get(f"/patients/{patient.pk}/profiles/new/").status_code == 403
    assert client.post(f"/patients/{patient.pk}/profiles/new/", {}).status_code == 403
    assert not MedicalProfile.objects.exists()


def test_pregnancy_is_refused_for_a_male_patient(patient: Patient) -> None:
    patient.sex = "male"
    with pytest.raises(InvalidInput, match="pregnant: cannot be true"):
        record_profile(patient, pregnant=True)
