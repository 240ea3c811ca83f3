"""AGE_BELOW_LABEL, AGE_ABOVE_LABEL."""

from __future__ import annotations

from glabella.knowledge import load_knowledge

from .builders import (
    assess,
    blepharospasm,
    filler,
    found,
    glabellar,
    proposal,
    severities,
    years_ago,
)


def test_it_blocks_any_cosmetic_treatment_under_18() -> None:
    result = assess(proposal(glabellar(), filler(), birth_date=years_ago(17)))
    assert [(f["treatment"], f["severity"]) for f in found(result, "AGE_BELOW_LABEL")] == [
        (0, "block"),
        (1, "block"),
    ]


def test_it_allows_a_cosmetic_toxin_at_18() -> None:
    result = assess(proposal(glabellar(), birth_date=years_ago(18)))
    assert found(result, "AGE_BELOW_LABEL") == []


def test_it_warns_below_a_filler_label_minimum_for_an_adult() -> None:
    label = load_knowledge().label("juvederm_volbella_xc", "lip_augmentation")
    assert label is not None and label.min_age is not None and label.min_age.value is not None
    young_adult = max(18, int(label.min_age.value) - 1)
    result = assess(proposal(filler(), birth_date=years_ago(young_adult)))
    assert severities(result, "AGE_BELOW_LABEL") == {"warn"}


def test_it_warns_below_a_therapeutic_label_minimum() -> None:
    label = load_knowledge().label("botox", "blepharospasm")
    assert label is not None and label.min_age is not None and label.min_age.value is not None
    child = int(label.min_age.value) - 1
    result = assess(proposal(blepharospasm(), birth_date=years_ago(child)))
    assert severities(result, "AGE_BELOW_LABEL") == {"warn"}


def test_it_does_not_flag_an_adult_within_the_label() -> None:
    result = assess(proposal(glabellar(), filler(), blepharospasm()))
    assert found(result, "AGE_BELOW_LABEL") == []
    assert found(result, "AGE_ABOVE_LABEL") == []


def test_it_warns_above_a_labelled_maximum_age() -> None:
    label = load_knowledge().label("dysport", "glabellar_lines")
    assert label is not None and label.max_age is not None and label.max_age.value is not None
    older = int(label.max_age.value) + 1
    result = assess(proposal(glabellar("dysport", 10), birth_date=years_ago(older)))
    assert severities(result, "AGE_ABOVE_LABEL") == {"warn"}


def test_it_does_not_warn_at_the_labelled_maximum_age() -> None:
    label = load_knowledge().label("dysport", "glabellar_lines")
    assert label is not None and label.max_age is not None and label.max_age.value is not None
    result = assess(
        proposal(glabellar("dysport", 10), birth_date=years_ago(int(label.max_age.value)))
    )
    assert found(result, "AGE_ABOVE_LABEL") == []


def test_it_has_no_age_limit_above_where_the_label_gives_none() -> None:
    result = assess(proposal(glabellar(), birth_date=years_ago(90)))
    assert found(result, "AGE_ABOVE_LABEL") == []
