"""Synthetic patients, profiles and a year of treatment history, from a fixed seed.

Pure functions of (seed, reference date): the same inputs always give the same
patients in the same order, which is what lets the loader skip those it already
created. Ids (products, indications, conditions…) are those of the assessment contract.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from glabella.demo.names import FEMALE_NAMES, MALE_NAMES, SURNAMES

SEED = 20261128


@dataclass(frozen=True)
class ProfileSpec:
    weight_kg: int
    pregnant: bool = False
    breastfeeding: bool = False
    conditions: tuple[str, ...] = ()
    allergies: tuple[str, ...] = ()
    medications: tuple[str, ...] = ()


@dataclass(frozen=True)
class TreatmentSpec:
    """One earlier administration: a product for an indication on a date."""

    date: date
    product: str
    indication: str
    units: Decimal | None = None
    volume_ml: Decimal | None = None


@dataclass(frozen=True)
class PatientSpec:
    chart_number: str
    first_name: str
    last_name: str
    birth_date: date
    sex: str
    profile: ProfileSpec
    treatments: tuple[TreatmentSpec, ...] = field(default=())

    @property
    def email(self) -> str:
        # example.org is reserved for documentation; mail to it goes nowhere.
        return f"{self.first_name}.{self.last_name}.{self.chart_number}@example.org".lower()


@dataclass(frozen=True)
class Regimen:
    """A repeated treatment: product, indication, dose range and days between visits."""

    product: str
    indication: str
    interval_days: tuple[int, int]
    units: tuple[int, int] | None = None
    volume_ml: tuple[float, float] | None = None


# Toxin refreshes every 3-4 months; fillers once or twice a year.
COSMETIC_TOXIN = (
    Regimen("botox_cosmetic", "glabellar_lines", (90, 120), units=(16, 24)),
    Regimen("botox_cosmetic", "lateral_canthal_lines", (90, 120), units=(20, 28)),
    Regimen("dysport", "glabellar_lines", (90, 120), units=(40, 60)),
    Regimen("xeomin", "glabellar_lines", (90, 120), units=(16, 24)),
    Regimen("jeuveau", "glabellar_lines", (90, 120), units=(16, 24)),
    Regimen("botox_cosmetic", "forehead_lines", (100, 120), units=(10, 20)),
)
FILLER = (
    Regimen("juvederm_voluma_xc", "cheek_augmentation", (240, 365), volume_ml=(1.0, 2.0)),
    Regimen("juvederm_volbella_xc", "lip_augmentation", (180, 300), volume_ml=(0.5, 1.0)),
    Regimen("restylane_kysse", "lip_augmentation", (180, 300), volume_ml=(0.5, 1.0)),
    Regimen("restylane_lyft", "cheek_augmentation", (240, 365), volume_ml=(1.0, 2.0)),
    Regimen("rha_3", "nasolabial_folds", (240, 365), volume_ml=(0.8, 1.6)),
    Regimen("juvederm_ultra_plus_xc", "marionette_lines", (240, 365), volume_ml=(0.5, 1.0)),
)
THERAPEUTIC_TOXIN = (
    Regimen("botox", "chronic_migraine", (84, 98), units=(155, 195)),
    Regimen("botox", "cervical_dystonia", (84, 112), units=(150, 240)),
    Regimen("xeomin", "blepharospasm", (84, 112), units=(25, 50)),
    Regimen("botox", "axillary_hyperhidrosis", (120, 180), units=(100, 100)),
    Regimen("dysport", "cervical_dystonia", (84, 112), units=(300, 500)),
)

CONDITIONS = ("autoimmune_disease", "bleeding_disorder", "keloid_history", "dysphagia")
ALLERGIES = ("lidocaine", "cow_milk_protein", "hyaluronic_acid", "human_albumin")
MEDICATIONS = ("anticoagulant", "antiplatelet", "aminoglycoside", "anticholinergic")


def demo_patients(prefix: str, count: int, therapeutic: bool, today: date) -> list[PatientSpec]:
    """``count`` synthetic patients for one clinic; Northside-style clinics get migraine."""
    rng = random.Random(f"{SEED}:{prefix}")
    return [_patient(rng, f"{prefix}-{n:04d}", therapeutic, today) for n in range(1, count + 1)]


def _patient(rng: random.Random, chart: str, therapeutic: bool, today: date) -> PatientSpec:
    sex = "female" if rng.random() < 0.78 else "male"
    first = rng.choice(FEMALE_NAMES if sex == "female" else MALE_NAMES)
    age_days = rng.randint(19 * 365, 72 * 365)
    return PatientSpec(
        chart_number=chart,
        first_name=first,
        last_name=rng.choice(SURNAMES),
        birth_date=today - timedelta(days=age_days),
        sex=sex,
        profile=_profile(rng, sex, age_days // 365),
        treatments=tuple(_history(rng, therapeutic, today)),
    )


def _profile(rng: random.Random, sex: str, age: int) -> ProfileSpec:
    # Most patients are healthy; a minority carry the facts the rule engine checks.
    return ProfileSpec(
        weight_kg=rng.randint(52, 88) if sex == "female" else rng.randint(64, 102),
        breastfeeding=sex == "female" and age < 42 and rng.random() < 0.02,
        conditions=_some(rng, CONDITIONS, 0.06),
        allergies=_some(rng, ALLERGIES, 0.05),
        medications=_some(rng, MEDICATIONS, 0.07),
    )


def _some(rng: random.Random, choices: tuple[str, ...], chance: float) -> tuple[str, ...]:
    return tuple(item for item in choices if rng.random() < chance)


def _history(rng: random.Random, therapeutic: bool, today: date) -> list[TreatmentSpec]:
    regimens = _regimens(rng, therapeutic)
    treatments = [visit for regimen in regimens for visit in _visits(rng, regimen, today)]
    return sorted(treatments, key=lambda t: (t.date, t.product, t.indication))


def _regimens(rng: random.Random, therapeutic: bool) -> list[Regimen]:
    if therapeutic and rng.random() < 0.6:
        chosen = [rng.choice(THERAPEUTIC_TOXIN)]
        if rng.random() < 0.15:
            chosen.append(rng.choice(COSMETIC_TOXIN))
        return chosen
    chosen = [rng.choice(COSMETIC_TOXIN)] if rng.random() < 0.85 else []
    if chosen and rng.random() < 0.35:
        # A second area is treated with the same toxin at the same visits' cadence.
        same_toxin = [r for r in COSMETIC_TOXIN if r.product == chosen[0].product]
        chosen.append(rng.choice(same_toxin))
    if rng.random() < 0.4:
        chosen.append(rng.choice(FILLER))
    return _unique(chosen)


def _unique(regimens: list[Regimen]) -> list[Regimen]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for regimen in regimens:
        if (regimen.product, regimen.indication) not in seen:
            seen.add((regimen.product, regimen.indication))
            kept.append(regimen)
    return kept


def _visits(rng: random.Random, regimen: Regimen, today: date) -> list[TreatmentSpec]:
    """Visits over the last year, the first one somewhere in its first interval."""
    # A patient's dose stays the same from visit to visit, as it does in practice.
    dose = _dose(rng, regimen)
    visits = []
    day = today - timedelta(days=365 - rng.randint(0, regimen.interval_days[0]))
    while day < today:
        visits.append(TreatmentSpec(day, regimen.product, regimen.indication, *dose))
        day += timedelta(days=rng.randint(*regimen.interval_days))
    return visits


def _dose(rng: random.Random, regimen: Regimen) -> tuple[Decimal | None, Decimal | None]:
    """(units, volume_ml) for one regimen: toxins in whole units, fillers in 0.1 mL."""
    if regimen.units is not None:
        return Decimal(rng.randint(*regimen.units)), None
    assert regimen.volume_ml is not None
    low, high = regimen.volume_ml
    return None, Decimal(round(rng.uniform(low, high) * 10)) / 10
