"""The prior comes from the knowledge base's duration, read as the rule engine reads it."""

from __future__ import annotations

from glabella.forecast import prior_for
from glabella.forecast.kb import day_bounds, names
from glabella.knowledge import load_knowledge
from glabella.knowledge.schema import DayRange


def test_botox_cosmetic_in_glabellar_lines_has_a_sourced_prior() -> None:
    prior = prior_for(load_knowledge(), "botox_cosmetic", "glabellar_lines")
    assert prior is not None
    assert (prior.low, prior.high) == (90, 120)
    assert prior.source


def test_a_product_without_a_duration_has_no_prior() -> None:
    assert prior_for(load_knowledge(), "jeuveau", "glabellar_lines") is None


def test_an_unknown_product_or_unlabelled_indication_has_no_prior() -> None:
    kb = load_knowledge()
    assert prior_for(kb, "no_such_product", "glabellar_lines") is None
    assert prior_for(kb, "botox_cosmetic", "lip_augmentation") is None


def test_a_one_sided_range_stands_for_both_ends() -> None:
    assert day_bounds(DayRange(high=120, source="s")) == (120, 120)
    assert day_bounds(DayRange(low=84, source="s")) == (84, 84)
    assert day_bounds(DayRange(note="unknown")) is None


def test_display_names_come_from_the_knowledge_base() -> None:
    assert names(load_knowledge(), "botox_cosmetic", "glabellar_lines") == (
        "BOTOX Cosmetic",
        "glabellar lines",
    )
