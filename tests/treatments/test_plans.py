from __future__ import annotations

import pytest

from glabella.accounts.models import User
from glabella.errors import InvalidInput
from glabella.patients.models import Patient
from glabella.treatments import actions
from glabella.treatments.concerns import concerns


def test_every_concern_maps_to_known_indications() -> None:
    assert len(concerns()) == 16


def test_frown_lines_propose_a_labelled_toxin_with_its_template() -> None:
    [line] = actions.propose_lines(["frown_lines"])
    assert line["indication"] == "glabellar_lines"
    assert line["template"] == "glabellar_5_point"
    assert line["planned_units"] == 20
    assert not line["off_label"]
    assert "Product:" in line["summary"]


def test_every_concern_gets_a_line() -> None:
    lines = actions.propose_lines(list(concerns()))
    assert {line["concern"] for line in lines} == set(concerns())
    assert all(line["product"] and line["summary"] for line in lines)


def test_an_unknown_concern_names_its_position() -> None:
    with pytest.raises(InvalidInput) as caught:
        actions.propose_lines(["lips", "nose_job"])
    assert caught.value.field == "concerns.1"


def test_the_injector_edits_and_saves_the_plan(patient: Patient, injector: User) -> None:
    plan = actions.create_plan(patient, injector, ["chronic_migraine", "lips"])
    assert [line.indication for line in plan.lines.all()] == [
        "chronic_migraine",
        "lip_augmentation",
        "perioral_lines",
    ]
    actions.save_plan(
        plan,
        injector,
        [
            {
                "indication": "lip_augmentation",
                "product": "restylane_kysse",
                "planned_volume_ml": "1.0",
            }
        ],
        notes="Only lips for now",
    )
    plan.refresh_from_db()
    assert plan.status == "saved"
    [line] = plan.lines.all()
    assert line.product == "restylane_kysse"
    assert "lips" in line.summary
