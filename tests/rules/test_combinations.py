"""OFF_LABEL, UNSUPPORTED_COMBINATION, SEQUENCING."""

from __future__ import annotations

from .builders import assess, filler, found, glabellar, proposal, severities


def test_it_informs_about_an_off_label_toxin_use() -> None:
    treatment = {
        "product": "botox_cosmetic",
        "indication": "masseter_hypertrophy",
        "points": [{"site": "masseter_l", "units": 20}, {"site": "masseter_r", "units": 20}],
    }
    result = assess(proposal(treatment))
    assert severities(result, "OFF_LABEL") == {"info"}
    assert result["verdict"] == "ok"


def test_it_does_not_call_a_labelled_use_off_label() -> None:
    assert found(assess(proposal(glabellar("xeomin"))), "OFF_LABEL") == []


def test_it_blocks_a_filler_for_migraine() -> None:
    treatment = filler("juvederm_volbella_xc", "chronic_migraine", "lip_upper", 0.5)
    result = assess(proposal(treatment))
    assert severities(result, "UNSUPPORTED_COMBINATION") == {"block"}
    assert found(result, "OFF_LABEL") == []


def test_it_blocks_a_toxin_for_lip_augmentation() -> None:
    treatment = {
        "product": "botox_cosmetic",
        "indication": "lip_augmentation",
        "points": [{"site": "orbicularis_oris_upper", "units": 4}],
    }
    assert severities(assess(proposal(treatment)), "UNSUPPORTED_COMBINATION") == {"block"}


def test_it_accepts_a_product_of_the_indications_class() -> None:
    result = assess(proposal(glabellar(), filler()))
    assert found(result, "UNSUPPORTED_COMBINATION") == []


def test_it_informs_about_sequencing_toxin_and_filler_together() -> None:
    hits = found(assess(proposal(glabellar(), filler())), "SEQUENCING")
    assert [(f["severity"], f["treatment"], f["site"]) for f in hits] == [("info", None, None)]


def test_it_has_no_sequencing_note_for_one_class() -> None:
    assert found(assess(proposal(glabellar(), glabellar("dysport", 10))), "SEQUENCING") == []
    assert found(assess(proposal(filler())), "SEQUENCING") == []
