"""PREGNANCY, BREASTFEEDING, NEUROMUSCULAR_DISORDER, NEUROMUSCULAR_BLOCKING_DRUG."""

from __future__ import annotations

import pytest

from .builders import assess, blepharospasm, filler, found, glabellar, proposal, severities


@pytest.mark.parametrize(
    ("code", "flag"), [("PREGNANCY", "pregnant"), ("BREASTFEEDING", "breastfeeding")]
)
def test_it_blocks_a_cosmetic_toxin_in_pregnancy_or_breastfeeding(code: str, flag: str) -> None:
    result = assess(proposal(glabellar(), **{flag: True}))
    assert severities(result, code) == {"block"}
    assert result["verdict"] == "block"
    assert found(result, code)[0]["treatment"] == 0


@pytest.mark.parametrize(
    ("code", "flag"), [("PREGNANCY", "pregnant"), ("BREASTFEEDING", "breastfeeding")]
)
def test_it_blocks_a_filler_in_pregnancy_or_breastfeeding(code: str, flag: str) -> None:
    assert severities(assess(proposal(filler(), **{flag: True})), code) == {"block"}


@pytest.mark.parametrize(
    ("code", "flag"), [("PREGNANCY", "pregnant"), ("BREASTFEEDING", "breastfeeding")]
)
def test_it_warns_on_a_therapeutic_toxin_in_pregnancy_or_breastfeeding(
    code: str, flag: str
) -> None:
    assert severities(assess(proposal(blepharospasm(), **{flag: True})), code) == {"warn"}


@pytest.mark.parametrize("code", ["PREGNANCY", "BREASTFEEDING"])
def test_it_says_nothing_about_pregnancy_when_the_patient_is_neither(code: str) -> None:
    result = assess(proposal(glabellar(), filler(), blepharospasm()))
    assert found(result, code) == []


def test_it_names_each_treatment_concerned_by_pregnancy() -> None:
    result = assess(proposal(glabellar(), blepharospasm(), pregnant=True))
    assert [(f["treatment"], f["severity"]) for f in found(result, "PREGNANCY")] == [
        (0, "block"),
        (1, "warn"),
    ]


@pytest.mark.parametrize(
    "condition", ["myasthenia_gravis", "lambert_eaton", "als", "peripheral_motor_neuropathy"]
)
def test_it_blocks_a_cosmetic_toxin_with_a_neuromuscular_disorder(condition: str) -> None:
    result = assess(proposal(glabellar(), conditions=[condition]))
    assert severities(result, "NEUROMUSCULAR_DISORDER") == {"block"}


def test_it_warns_on_a_therapeutic_toxin_with_a_neuromuscular_disorder() -> None:
    result = assess(proposal(blepharospasm(), conditions=["lambert_eaton"]))
    assert severities(result, "NEUROMUSCULAR_DISORDER") == {"warn"}


def test_it_ignores_a_neuromuscular_disorder_for_a_filler() -> None:
    result = assess(proposal(filler(), conditions=["myasthenia_gravis"]))
    assert found(result, "NEUROMUSCULAR_DISORDER") == []


def test_it_ignores_other_conditions_for_the_neuromuscular_rule() -> None:
    result = assess(proposal(glabellar(), conditions=["autoimmune_disease"]))
    assert found(result, "NEUROMUSCULAR_DISORDER") == []


@pytest.mark.parametrize("medication", ["aminoglycoside", "curare_like_agent"])
def test_it_warns_on_a_neuromuscular_blocking_drug_with_a_toxin(medication: str) -> None:
    result = assess(proposal(glabellar(), medications=[medication]))
    assert severities(result, "NEUROMUSCULAR_BLOCKING_DRUG") == {"warn"}
    assert result["verdict"] == "warn"


def test_it_ignores_a_neuromuscular_blocking_drug_with_a_filler() -> None:
    result = assess(proposal(filler(), medications=["aminoglycoside"]))
    assert found(result, "NEUROMUSCULAR_BLOCKING_DRUG") == []


def test_it_ignores_other_medications_for_the_blocking_drug_rule() -> None:
    result = assess(proposal(glabellar(), medications=["anticholinergic"]))
    assert found(result, "NEUROMUSCULAR_BLOCKING_DRUG") == []
