"""Invalid proposals: one error naming the JSON path and, for unknown ids, the closest ids."""

from __future__ import annotations

from typing import Any

import pytest

from glabella.rules.engine import assess_json, assess_text
from glabella.rules.errors import ProposalError

from .builders import filler, glabellar, proposal


def error_of(data: Any) -> dict[str, str]:
    with pytest.raises(ProposalError) as caught:
        assess_json(data)
    return caught.value.to_json()["error"]


def test_an_unknown_product_names_the_closest_ids() -> None:
    error = error_of(proposal(glabellar("botox_cosmetik")))
    assert error["field"] == "$.treatments[0].product"
    assert "botox_cosmetic" in error["message"]


def test_an_unknown_site_points_at_the_point() -> None:
    data = proposal(glabellar())
    data["treatments"][0]["points"][1]["site"] = "corugator_l"
    error = error_of(data)
    assert error["field"] == "$.treatments[0].points[1].site"
    assert "corrugator_l" in error["message"]


@pytest.mark.parametrize(
    ("patient", "field", "near"),
    [
        ({"conditions": ["myasthenia"]}, "$.patient.conditions[0]", "myasthenia_gravis"),
        ({"allergies": ["lidocain"]}, "$.patient.allergies[0]", "lidocaine"),
        ({"medications": ["aminoglycosides"]}, "$.patient.medications[0]", "aminoglycoside"),
        ({"infection_sites": ["glabela"]}, "$.patient.infection_sites[0]", "glabella"),
    ],
)
def test_unknown_patient_facts_name_the_closest_ids(patient: dict, field: str, near: str) -> None:
    error = error_of(proposal(glabellar(), **patient))
    assert error["field"] == field
    assert near in error["message"]


def test_an_unknown_indication_names_the_closest_ids() -> None:
    data = proposal(glabellar())
    data["treatments"][0]["indication"] = "glabelar_lines"
    error = error_of(data)
    assert error["field"] == "$.treatments[0].indication"
    assert "glabellar_lines" in error["message"]


def test_a_toxin_point_in_millilitres_is_invalid() -> None:
    data = proposal(glabellar())
    data["treatments"][0]["points"][0] = {"site": "procerus", "volume_ml": 0.1}
    assert error_of(data)["field"] == "$.treatments[0].points[0].units"


def test_a_filler_point_in_units_is_invalid() -> None:
    data = proposal(filler())
    data["treatments"][0]["points"][0] = {"site": "lip_upper", "units": 1}
    assert error_of(data)["field"] == "$.treatments[0].points[0].volume_ml"


@pytest.mark.parametrize(
    "point",
    [{"site": "procerus"}, {"site": "procerus", "units": 4, "volume_ml": 0.1}],
)
def test_a_point_needs_exactly_one_amount(point: dict) -> None:
    data = proposal(glabellar())
    data["treatments"][0]["points"][0] = point
    error = error_of(data)
    assert error["field"] == "$.treatments[0].points[0]"
    assert "exactly one" in error["message"]


@pytest.mark.parametrize("amount", [0, -4])
def test_zero_or_negative_amounts_are_invalid(amount: float) -> None:
    data = proposal(glabellar())
    data["treatments"][0]["points"][2]["units"] = amount
    assert error_of(data)["field"] == "$.treatments[0].points[2].units"


def test_a_missing_birth_date_is_reported() -> None:
    data = proposal(glabellar())
    del data["patient"]["birth_date"]
    assert error_of(data) == {
        "field": "$.patient.birth_date",
        "message": "required field is missing",
    }


def test_missing_treatments_are_reported() -> None:
    data = proposal(glabellar())
    del data["treatments"]
    assert error_of(data)["field"] == "$.treatments"


def test_a_misspelt_field_is_rejected() -> None:
    data = proposal(glabellar())
    data["patient"]["pregant"] = True
    error = error_of(data)
    assert error["field"] == "$.patient.pregant"
    assert "did you mean pregnant" in error["message"]


def test_a_misspelt_point_field_lists_the_allowed_fields() -> None:
    data = proposal(glabellar())
    data["treatments"][0]["points"][0]["volume_mL"] = 0.1
    error = error_of(data)
    assert error["field"] == "$.treatments[0].points[0].volume_mL"
    assert "volume_ml" in error["message"] and "site" in error["message"]


def test_a_lot_needs_an_expiry() -> None:
    data = proposal(glabellar())
    data["treatments"][0]["lot"] = {"number": "C1"}
    assert error_of(data)["field"] == "$.treatments[0].lot.expiry"


def test_history_with_an_unknown_product_points_at_it() -> None:
    history = [
        {"date": "2026-01-01", "product": "dysprot", "indication": "glabellar_lines", "units": 50}
    ]
    error = error_of(proposal(glabellar(), history=history))
    assert error["field"] == "$.history[0].product"
    assert "dysport" in error["message"]


def test_malformed_json_is_reported_at_the_root() -> None:
    with pytest.raises(ProposalError) as caught:
        assess_text("{not json")
    assert caught.value.field == "$"


def test_a_date_means_the_start_of_that_day() -> None:
    data = proposal(glabellar())
    data["at"] = "2026-11-28"
    assert assess_json(data)["verdict"] == "ok"


def test_time_zones_are_normalised_so_mixed_times_compare() -> None:
    data = proposal(glabellar())
    data["at"] = "2026-11-28T10:00:00+01:00"
    data["treatments"][0]["lot"] = {
        "expiry": "2027-01-31",
        "reconstituted_at": "2026-11-28T08:30:00",
    }
    assert assess_json(data)["verdict"] == "ok"


def test_a_birth_date_after_the_treatment_is_invalid() -> None:
    data = proposal(glabellar(), birth_date="2027-01-01")
    assert error_of(data)["field"] == "$.patient.birth_date"
