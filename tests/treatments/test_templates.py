from __future__ import annotations

import pytest

from glabella.accounts.models import User
from glabella.errors import InvalidInput
from glabella.treatments import actions
from glabella.treatments.models import Session


def test_glabellar_template_gives_20_units_and_ok(draft: Session, injector: User) -> None:
    actions.apply_template(draft, injector, 1, "glabellar_5_point", "botox_cosmetic")
    assessment = actions.assess_session(draft)
    assert assessment["verdict"] == "ok"
    assert assessment["totals"] == [{"product": "botox_cosmetic", "units": 20.0}]


def test_preempt_gives_155_units_at_31_sites(draft: Session, injector: User) -> None:
    actions.apply_template(draft, injector, 1, "preempt_31", "botox")
    line = draft.lines.get()
    assert line.points.count() == 31
    assert sum(p.units for p in line.points.all()) == 155
    assert actions.assess_session(draft)["totals"] == [{"product": "botox", "units": 155.0}]


def test_a_template_appends_to_the_existing_chart(draft: Session, injector: User) -> None:
    actions.apply_template(draft, injector, 1, "glabellar_5_point", "botox_cosmetic")
    actions.apply_template(draft, injector, 2, "forehead_5", "botox_cosmetic")
    assert draft.lines.count() == 2
    assert draft.version == 3


def test_a_variant_template_needs_its_variant(draft: Session, injector: User) -> None:
    with pytest.raises(InvalidInput) as caught:
        actions.apply_template(draft, injector, 1, "platysma", "botox_cosmetic")
    assert caught.value.field == "variant"
    actions.apply_template(draft, injector, 1, "platysma", "botox_cosmetic", "one_band_each_side")
    assert sum(p.units for p in draft.lines.get().points.all()) == 26


def test_a_filler_template_takes_the_volume_per_point(draft: Session, injector: User) -> None:
    with pytest.raises(InvalidInput):
        actions.apply_template(draft, injector, 1, "filler_lips", "juvederm_volbella_xc")
    actions.apply_template(draft, injector, 1, "filler_lips", "juvederm_volbella_xc", volume_ml=0.5)
    assert [float(p.volume_ml or 0) for p in draft.lines.get().points.all()] == [0.5, 0.5]


def test_a_template_refuses_a_product_it_is_not_for(draft: Session, injector: User) -> None:
    with pytest.raises(InvalidInput) as caught:
        actions.apply_template(draft, injector, 1, "preempt_31", "dysport")
    assert caught.value.field == "product"
