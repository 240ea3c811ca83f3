"""Labelled templates add up to their labelled totals."""

from collections import Counter

from glabella.knowledge import load_knowledge


def test_glabellar_template_is_five_points_of_four_units() -> None:
    template = load_knowledge().templates["glabellar_5_point"]
    assert [p.units for p in template.points] == [4] * 5
    assert template.points_total() == 20


def test_lateral_canthal_template_is_three_points_per_side_totalling_24_units() -> None:
    template = load_knowledge().templates["lateral_canthal_3_per_side"]
    sides = Counter(p.site for p in template.points)
    assert set(sides.values()) == {3}
    assert template.points_total() == 24


def test_forehead_template_gives_20_units_to_the_frontalis_with_the_glabellar_pattern() -> None:
    template = load_knowledge().templates["forehead_5"]
    assert all(p.site.startswith("frontalis") for p in template.points)
    assert template.points_total() == 20
    assert template.requires == ("glabellar_5_point",)


def test_preempt_template_is_155_units_at_31_sites_with_follow_the_pain() -> None:
    template = load_knowledge().templates["preempt_31"]
    assert len(template.points) == 31
    assert template.points_total() == 155
    (ftp,) = template.options
    assert ftp.max_additional.value == 40 and not ftp.in_label


def test_platysma_variants_are_26_31_and_36_units() -> None:
    template = load_knowledge().templates["platysma"]
    totals = [sum(p.units or 0 for p in v.points) for v in template.variants]
    assert totals == [26, 31, 36]
    assert [v.total.value for v in template.variants] == [26, 31, 36]


def test_every_template_with_a_total_adds_up_to_it() -> None:
    for template in load_knowledge().templates.values():
        if template.total is not None and template.points:
            assert template.points_total() == template.total.value, template.id


def test_strabismus_template_chooses_dose_by_prism_dioptres() -> None:
    template = load_knowledge().templates["strabismus_per_muscle"]
    bands = {b.id: (b.units_low, b.units_high) for b in template.dose_bands}
    assert bands["horizontal_20_to_50pd"] == (2.5, 5)


def test_cervical_dystonia_limits_the_sternocleidomastoid_to_100_units() -> None:
    label = load_knowledge().label("botox", "cervical_dystonia")
    assert label is not None
    (scm,) = label.site_group_limits
    assert scm.amount == 100 and "sternocleidomastoid_l" in scm.sites
