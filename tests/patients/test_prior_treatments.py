import pytest
from django.test import Client

from glabella.accounts.models import User
from glabella.errors import InvalidInput
from glabella.knowledge import load_knowledge
from glabella.patients.actions import record_prior_treatment
from glabella.patients.models import Patient, PriorTreatment
from glabella.patients.queries import history_for_engine


def test_a_toxin_is_recorded_in_units(patient: Patient, injector: User) -> None:
    treatment = record_prior_treatment(
        patient,
        date="2026-09-01",
        product="botox",
        indication="chronic_migraine",
        units=155,
        injector=injector,
    )
    assert treatment.units == 155
    assert (treatment.volume_ml, treatment.source) == (None, "external")


def test_a_filler_given_in_units_is_refused(patient: Patient) -> None:
    with pytest.raises(InvalidInput) as caught:
        record_prior_treatment(
            patient,
            date="2026-03-10",
            product="juvederm_voluma_xc",
            indication="cheek_augmentation",
            units=2,
        )
    assert caught.value.field == "volume_ml"
    assert "juvederm_voluma_xc is a filler, in mL" in caught.value.message


def test_an_unknown_product_names_the_closest_ids(patient: Patient) -> None:
    with pytest.raises(InvalidInput) as caught:
        record_prior_treatment(
            patient, date="2026-03-10", product="botx", indication="glabellar_lines", units=20
        )
    assert caught.value.field == "product"
    assert "botox" in caught.value.message


def test_an_injector_of_another_clinic_is_refused(patient: Patient, injector_b: User) -> None:
    with pytest.raises(InvalidInput, match="injector: must be a member"):
        record_prior_treatment(
            patient,
            date="2026-03-10",
            product="botox",
            indication="glabellar_lines",
            units=20,
            injector=injector_b,
        )


def test_history_for_the_engine_sums_one_row_per_date_product_and_indication(
    patient: Patient,
) -> None:
    for units in (10, 10):
        record_prior_treatment(
            patient,
            date="2026-09-01",
            product="botox_cosmetic",
            indication="glabellar_lines",
            units=units,
        )
    record_prior_treatment(
        patient,
        date="2026-03-10",
        product="juvederm_voluma_xc",
        indication="cheek_augmentation",
        volume_ml="2.0",
        source="demo",
    )
    assert history_for_engine(patient) == [
        {
            "date": "2026-09-01",
            "product": "botox_cosmetic",
            "indication": "glabellar_lines",
            "units": 20.0,
        },
        {
            "date": "2026-03-10",
            "product": "juvederm_voluma_xc",
            "indication": "cheek_augmentation",
            "volume_ml": 2.0,
        },
    ]


def test_the_form_adds_a_prior_treatment(client_a: Client, patient: Patient) -> None:
    response = client_a.post(
        f"/patients/{patient.pk}/prior-treatments/new/",
        {
            "date": "2026-05-01",
            "product": "dysport",
            "indication": "glabellar_lines",
            "units": "50",
            "source": "external",
        },
    )
    assert response.status_code == 302
    assert PriorTreatment.objects.get().product == "dysport"
    page = client_a.get(f"/patients/{patient.pk}/").content.decode()
    assert load_knowledge().products["dysport"].name in page


def test_the_form_reports_a_missing_amount_on_its_field(client_a: Client, patient: Patient) -> None:
    response = client_a.post(
        f"/patients/{patient.pk}/prior-treatments/new/",
        {
            "date": "2026-05-01",
            "product": "dysport",
            "indication": "glabellar_lines",
            "source": "external",
        },
    )
    assert "dysport is a toxin, in units" in response.context["form"].errors["units"][0]
