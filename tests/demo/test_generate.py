from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from glabella.demo.generate import demo_patients

TODAY = date(2026, 11, 28)


def test_the_same_seed_gives_the_same_patients() -> None:
    assert demo_patients("DEMO", 30, False, TODAY) == demo_patients("DEMO", 30, False, TODAY)


def test_each_clinic_gets_its_own_patients() -> None:
    demo = demo_patients("DEMO", 30, False, TODAY)
    north = demo_patients("NORTH", 30, True, TODAY)
    assert [p.last_name for p in demo] != [p.last_name for p in north]


def test_history_spans_the_last_year_and_never_the_future() -> None:
    dates = [t.date for p in demo_patients("DEMO", 100, False, TODAY) for t in p.treatments]
    assert min(dates) >= TODAY - timedelta(days=365)
    assert max(dates) < TODAY


def test_toxins_come_back_every_three_to_four_months() -> None:
    for patient in demo_patients("DEMO", 100, False, TODAY):
        glabellar = [t.date for t in patient.treatments if t.indication == "glabellar_lines"]
        gaps = [(later - earlier).days for earlier, later in pairwise(glabellar)]
        assert all(90 <= gap <= 120 for gap in gaps)


def test_a_neurology_clinic_treats_migraine() -> None:
    indications = {
        t.indication for p in demo_patients("NORTH", 80, True, TODAY) for t in p.treatments
    }
    assert "chronic_migraine" in indications


def test_every_dose_is_in_units_or_in_millilitres_never_both() -> None:
    for patient in demo_patients("DEMO", 100, False, TODAY):
        for treatment in patient.treatments:
            assert (treatment.units is None) != (treatment.volume_ml is None)


def test_patients_are_adults() -> None:
    for patient in demo_patients("DEMO", 100, False, TODAY):
        assert (TODAY - patient.birth_date).days >= 18 * 365
