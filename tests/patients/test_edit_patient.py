from collections.abc import Callable
from typing import Any

from django.test import Client

from glabella.audit.models import AuditEvent
from glabella.patients.models import Patient

Fields = Callable[..., dict[str, Any]]


def test_it_updates_demographics_and_audits_the_write(
    client_a: Client, patient: Patient, valid_fields: Fields
) -> None:
    response = client_a.post(
        f"/patients/{patient.pk}/edit/", valid_fields(family_name="Jones", sms_opt_out="on")
    )
    patient.refresh_from_db()
    assert response.status_code == 302
    assert (patient.family_name, patient.family_key, patient.sms_opt_out) == (
        "Jones",
        "jones",
        True,
    )
    assert patient.record_number == 1
    assert AuditEvent.objects.filter(action="update", object_id=str(patient.pk)).count() == 1


def test_the_edit_form_starts_from_the_current_values(client_a: Client, patient: Patient) -> None:
    response = client_a.get(f"/patients/{patient.pk}/edit/")
    assert response.context["form"].initial["birth_date"] == "1986-04-02"
    assert 'value="Smith"' in response.content.decode()


def test_it_keeps_the_old_values_when_the_input_is_bad(
    client_a: Client, patient: Patient, valid_fields: Fields
) -> None:
    response = client_a.post(f"/patients/{patient.pk}/edit/", valid_fields(birth_date="2999-01-01"))
    patient.refresh_from_db()
    assert response.status_code == 200
    assert patient.birth_date.isoformat() == "1986-04-02"
