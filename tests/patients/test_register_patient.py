from collections.abc import Callable
from typing import Any

from django.test import Client

from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent
from glabella.patients.actions import register_patient
from glabella.patients.models import Patient

Fields = Callable[..., dict[str, Any]]


def test_it_registers_a_patient_from_the_form_and_audits_it(
    client_a: Client, valid_fields: Fields
) -> None:
    response = client_a.post("/patients/new/", valid_fields())
    patient = Patient.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/patients/{patient.pk}/"
    assert (patient.family_name, patient.record_number) == ("Smith", 1)
    event = AuditEvent.objects.get(action="create")
    assert (event.object_type, event.object_id) == ("patients.patient", str(patient.pk))


def test_record_numbers_count_up_per_clinic(
    clinic_a: Clinic, clinic_b: Clinic, valid_fields: Fields
) -> None:
    first = register_patient(clinic_a, **valid_fields())
    second = register_patient(clinic_a, **valid_fields(given_name="Ben"))
    other = register_patient(clinic_b, **valid_fields())
    assert (first.record_number, second.record_number, other.record_number) == (1, 2, 1)


def test_front_desk_may_register_a_patient(front_desk: User, valid_fields: Fields) -> None:
    client = Client()
    client.force_login(front_desk)
    response = client.post("/patients/new/", valid_fields())
    assert response.status_code == 302


def test_it_stores_normalised_search_keys(clinic_a: Clinic, valid_fields: Fields) -> None:
    patient = register_patient(clinic_a, **valid_fields(family_name="Müller-Lüdenscheidt"))
    assert patient.family_key == "mullerludenscheidt"
