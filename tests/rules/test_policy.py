"""A clinic policy only makes rules stricter, and the engine honours it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import glabella.knowledge
from glabella.cli.main import main
from glabella.knowledge import load_knowledge
from glabella.rules.engine import assess_json

from .builders import filler, glabellar, proposal, severities

EXAMPLE = Path(glabella.knowledge.__file__).parent / "example_policy.yaml"
STRICT = load_knowledge(EXAMPLE)


def with_vial(product: str, reconstituted_at: str) -> dict:
    treatment = glabellar(product, 4 if product == "botox_cosmetic" else 10)
    treatment["lot"] = {"expiry": "2027-06-30", "reconstituted_at": reconstituted_at}
    return treatment


def test_a_severity_floor_raises_an_info_finding_to_warn() -> None:
    data = proposal(filler("juvederm_voluma_xc", "temple_hollowing", "temple_l", 1.0))
    assert severities(assess_json(data), "HIGH_RISK_AREA") == {"info"}
    strict = assess_json(data, STRICT)
    assert severities(strict, "HIGH_RISK_AREA") == {"warn"}
    assert strict["verdict"] == "warn"


def test_a_shorter_in_use_time_blocks_an_older_vial() -> None:
    data = proposal(with_vial("botox_cosmetic", "2026-11-28T04:00:00"))
    assert severities(assess_json(data), "VIAL_BEYOND_USE") == set()
    assert severities(assess_json(data, STRICT), "VIAL_BEYOND_USE") == {"block"}


def test_an_advisory_in_use_time_only_warns_until_a_clinic_enforces_it() -> None:
    data = proposal(with_vial("dysport", "2026-11-26T08:00:00"))
    assert severities(assess_json(data), "VIAL_BEYOND_USE") == {"warn"}
    assert severities(assess_json(data, STRICT), "VIAL_BEYOND_USE") == {"block"}


def test_a_longer_interval_warns_where_the_label_would_not() -> None:
    history = [
        {
            "date": "2026-08-10",
            "product": "botox_cosmetic",
            "indication": "glabellar_lines",
            "units": 20,
        }
    ]
    data = proposal(glabellar(), history=history)
    assert severities(assess_json(data), "RETREATMENT_INTERVAL") == set()
    assert severities(assess_json(data, STRICT), "RETREATMENT_INTERVAL") == {"warn"}


def test_the_assessment_names_the_policy_version() -> None:
    assert assess_json(proposal(glabellar()), STRICT)["knowledge_version"] == STRICT.version
    assert STRICT.version != load_knowledge().version


def test_the_command_line_takes_a_policy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(proposal(with_vial("botox_cosmetic", "2026-11-28T04:00:00"))))
    assert main(["check", "--policy", str(EXAMPLE), str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "block"
