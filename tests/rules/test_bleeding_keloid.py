"""BLEEDING_RISK, KELOID_HISTORY."""

from __future__ import annotations

import pytest

from .builders import assess, filler, found, glabellar, proposal, severities


def radiesse() -> dict:
    return filler("radiesse", "nasolabial_folds", "nasolabial_fold_l", 0.8)


def sculptra() -> dict:
    return filler("sculptra", "nasolabial_folds", "nasolabial_fold_l", 1.0)


@pytest.mark.parametrize("medication", ["anticoagulant", "antiplatelet"])
def test_it_warns_about_blood_thinners(medication: str) -> None:
    result = assess(proposal(filler(), medications=[medication]))
    assert severities(result, "BLEEDING_RISK") == {"warn"}


def test_it_warns_about_a_bleeding_disorder_with_a_toxin() -> None:
    result = assess(proposal(glabellar(), conditions=["bleeding_disorder"]))
    assert severities(result, "BLEEDING_RISK") == {"warn"}


def test_it_blocks_a_bleeding_disorder_with_radiesse() -> None:
    result = assess(proposal(radiesse(), conditions=["bleeding_disorder"]))
    assert severities(result, "BLEEDING_RISK") == {"block"}


def test_it_only_warns_about_anticoagulants_with_radiesse() -> None:
    result = assess(proposal(radiesse(), medications=["anticoagulant"]))
    assert severities(result, "BLEEDING_RISK") == {"warn"}


def test_it_says_nothing_about_bleeding_without_a_risk() -> None:
    assert found(assess(proposal(radiesse(), filler(), glabellar())), "BLEEDING_RISK") == []


def test_it_warns_about_keloids_with_a_filler() -> None:
    result = assess(proposal(filler(), conditions=["keloid_history"]))
    assert severities(result, "KELOID_HISTORY") == {"warn"}


def test_it_blocks_keloids_with_sculptra() -> None:
    result = assess(proposal(sculptra(), conditions=["keloid_history"]))
    assert severities(result, "KELOID_HISTORY") == {"block"}


def test_it_ignores_keloids_for_a_toxin() -> None:
    result = assess(proposal(glabellar(), conditions=["keloid_history"]))
    assert found(result, "KELOID_HISTORY") == []


def test_it_says_nothing_about_keloids_without_them() -> None:
    assert found(assess(proposal(sculptra())), "KELOID_HISTORY") == []
