"""HYPERSENSITIVITY, ANAPHYLAXIS_HISTORY, SKIN_TEST_REQUIRED."""

from __future__ import annotations

import pytest

from .builders import assess, filler, found, glabellar, proposal, severities


@pytest.mark.parametrize(
    ("allergy", "treatment"),
    [
        ("cow_milk_protein", glabellar("dysport", 10)),
        ("human_albumin", glabellar("botox_cosmetic")),
        ("botulinum_toxin", glabellar("xeomin")),
        ("lidocaine", filler("juvederm_volbella_xc")),
        ("lidocaine", filler("restylane_kysse")),
        ("bovine_collagen", filler("bellafill", "acne_scars", "acne_scar_cheek_l", 0.2)),
    ],
)
def test_it_blocks_a_product_the_patient_is_allergic_to(allergy: str, treatment: dict) -> None:
    result = assess(proposal(treatment, allergies=[allergy]))
    assert severities(result, "HYPERSENSITIVITY") == {"block"}
    assert found(result, "HYPERSENSITIVITY")[0]["treatment"] == 0


@pytest.mark.parametrize(
    ("allergy", "treatment"),
    [
        ("cow_milk_protein", glabellar("botox_cosmetic")),
        ("lidocaine", glabellar("botox_cosmetic")),
        ("lidocaine", filler("belotero_balance", "nasolabial_folds", "nasolabial_fold_l", 0.5)),
        ("bovine_collagen", filler("juvederm_volbella_xc")),
    ],
)
def test_it_allows_a_product_without_the_allergen(allergy: str, treatment: dict) -> None:
    assert found(assess(proposal(treatment, allergies=[allergy])), "HYPERSENSITIVITY") == []


def test_it_blocks_any_filler_after_anaphylaxis() -> None:
    result = assess(proposal(filler(), conditions=["anaphylaxis_history"]))
    assert severities(result, "ANAPHYLAXIS_HISTORY") == {"block"}


def test_it_does_not_raise_anaphylaxis_history_for_a_toxin() -> None:
    result = assess(proposal(glabellar(), conditions=["anaphylaxis_history"]))
    assert found(result, "ANAPHYLAXIS_HISTORY") == []


def test_it_does_not_raise_anaphylaxis_history_without_it() -> None:
    assert found(assess(proposal(filler())), "ANAPHYLAXIS_HISTORY") == []


def bellafill() -> dict:
    return filler("bellafill", "acne_scars", "acne_scar_cheek_l", 0.2)


def test_it_blocks_bellafill_without_a_skin_test() -> None:
    assert severities(assess(proposal(bellafill())), "SKIN_TEST_REQUIRED") == {"block"}


def test_it_accepts_a_negative_skin_test_four_weeks_before() -> None:
    tests = [{"product": "bellafill", "date": "2026-10-31", "result": "negative"}]
    assert found(assess(proposal(bellafill(), skin_tests=tests)), "SKIN_TEST_REQUIRED") == []


def test_it_blocks_a_negative_skin_test_that_is_too_recent() -> None:
    tests = [{"product": "bellafill", "date": "2026-11-10", "result": "negative"}]
    result = assess(proposal(bellafill(), skin_tests=tests))
    assert severities(result, "SKIN_TEST_REQUIRED") == {"block"}


def test_it_blocks_after_a_positive_skin_test() -> None:
    tests = [
        {"product": "bellafill", "date": "2026-09-01", "result": "negative"},
        {"product": "bellafill", "date": "2026-10-01", "result": "positive"},
    ]
    result = assess(proposal(bellafill(), skin_tests=tests))
    assert severities(result, "SKIN_TEST_REQUIRED") == {"block"}


def test_it_does_not_count_a_skin_test_for_another_product() -> None:
    tests = [{"product": "juvederm_volbella_xc", "date": "2026-09-01", "result": "negative"}]
    result = assess(proposal(bellafill(), skin_tests=tests))
    assert severities(result, "SKIN_TEST_REQUIRED") == {"block"}


def test_it_needs_no_skin_test_for_hyaluronic_acid() -> None:
    assert found(assess(proposal(filler())), "SKIN_TEST_REQUIRED") == []
