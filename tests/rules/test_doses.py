"""DOSE_ABOVE_LABEL, VOLUME_ABOVE_LABEL."""

from __future__ import annotations

from .builders import assess, blepharospasm, filler, found, glabellar, proposal, severities


def test_it_warns_when_a_treatment_total_is_above_the_label() -> None:
    result = assess(proposal(glabellar(units=6)))  # 30 U against 20 U
    hits = found(result, "DOSE_ABOVE_LABEL")
    assert {f["severity"] for f in hits} == {"warn"}
    assert any(f["site"] is None and f["treatment"] == 0 for f in hits)


def test_it_warns_when_one_point_is_above_the_per_site_label() -> None:
    treatment = blepharospasm()
    treatment["points"][0]["units"] = 5
    result = assess(proposal(treatment))
    hits = found(result, "DOSE_ABOVE_LABEL")
    assert [(f["severity"], f["site"]) for f in hits] == [
        ("warn", "orbicularis_oculi_pretarsal_upper_l")
    ]


def test_it_accepts_the_labelled_dose() -> None:
    assert found(assess(proposal(glabellar(), blepharospasm())), "DOSE_ABOVE_LABEL") == []


def test_it_judges_each_product_against_its_own_label() -> None:
    # 50 U of Dysport is its labelled glabellar dose, although 50 > 20 U of Botox Cosmetic.
    result = assess(proposal(glabellar("dysport", 10), glabellar("botox_cosmetic", 4)))
    assert found(result, "DOSE_ABOVE_LABEL") == []


def test_it_warns_when_a_filler_session_is_above_the_label() -> None:
    result = assess(proposal(filler("juvederm_volux_xc", "jawline_definition", "jawline_l", 10)))
    assert severities(result, "VOLUME_ABOVE_LABEL") == {"warn"}


def test_it_warns_when_the_yearly_filler_volume_is_above_the_label() -> None:
    history = [
        {
            "date": "2026-06-01",
            "product": "juvederm_voluma_xc",
            "indication": "cheek_augmentation",
            "volume_ml": 19,
        }
    ]
    result = assess(proposal(filler(volume_ml=1.5), history=history, weight_kg=60))
    assert severities(result, "VOLUME_ABOVE_LABEL") == {"warn"}


def test_it_scales_the_yearly_filler_limit_by_body_mass() -> None:
    history = [
        {
            "date": "2026-06-01",
            "product": "juvederm_voluma_xc",
            "indication": "cheek_augmentation",
            "volume_ml": 19,
        }
    ]
    result = assess(proposal(filler(volume_ml=1.5), history=history, weight_kg=90))
    assert found(result, "VOLUME_ABOVE_LABEL") == []


def test_it_forgets_filler_volume_older_than_a_year() -> None:
    history = [
        {
            "date": "2025-06-01",
            "product": "juvederm_voluma_xc",
            "indication": "cheek_augmentation",
            "volume_ml": 19,
        }
    ]
    result = assess(proposal(filler(volume_ml=1.5), history=history, weight_kg=60))
    assert found(result, "VOLUME_ABOVE_LABEL") == []


def test_it_accepts_an_ordinary_filler_volume() -> None:
    assert found(assess(proposal(filler())), "VOLUME_ABOVE_LABEL") == []
