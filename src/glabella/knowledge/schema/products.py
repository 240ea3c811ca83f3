"""Products (toxins and fillers) and what their labels say per indication."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from glabella.knowledge.schema.base import DayRange, Fact, Model, ProductClass

FillerFamily = Literal[
    "hyaluronic_acid", "calcium_hydroxylapatite", "poly_l_lactic_acid", "pmma_collagen"
]
Unit = Literal["U", "mL"]


class Reconstitution(Model):
    """One row of a dilution table: vial units + diluent mL gives units per 0.1 mL."""

    vial_units: float
    diluent_ml: float
    units_per_0_1_ml: float
    indication: str | None = None
    source: str
    advisory: bool = False
    note: str | None = None


class SkinTest(Model):
    required: bool = False
    min_days_before: Fact | None = None
    material: str | None = None
    source: str | None = None
    note: str | None = None


class CumulativeLimit(Model):
    """At most ``amount`` of every product in ``group`` within any ``window_days``.

    ``indication`` None means across all indications; ``population`` says to whom it applies.
    """

    group: str
    amount: float
    unit: Unit
    window_days: int = Field(gt=0)
    indication: str | None = None
    population: Literal["adult", "pediatric", "all"] = "adult"
    source: str
    advisory: bool = False
    note: str | None = None


class VolumeLimit(Model):
    """A filler volume ceiling.

    scope ``session``: per treatment session; ``year``: within ``window_days`` (365) counting
    every product of ``group`` together. ``per_body_kg`` scales the amount by body mass
    (20 mL per 60 kg means amount 20, per_body_kg 60).
    """

    scope: Literal["session", "year"]
    amount_ml: float
    group: str | None = None
    per_body_kg: float | None = None
    window_days: int | None = None
    source: str
    advisory: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _year_has_window(self) -> Self:
        if self.scope == "year" and not self.window_days:
            raise ValueError("a yearly volume limit needs window_days")
        return self


class CombinedLimit(Model):
    """Maximum for several indications treated in one session (e.g. GL + LCL 44 U)."""

    indications: tuple[str, ...]
    amount: float
    source: str
    advisory: bool = False
    note: str | None = None


class SiteGroupLimit(Model):
    """Maximum summed over the points at these sites in one session (e.g. SCM ≤ 100 U)."""

    name: str
    sites: tuple[str, ...]
    amount: float
    source: str
    advisory: bool = False
    note: str | None = None


class Contraindication(Model):
    """A patient condition the product's own label contraindicates (engine blocks)."""

    condition: str
    source: str
    advisory: bool = False
    note: str | None = None


class Codes(Model):
    ndc: str | None = None
    gtin: str | None = None
    rxnorm: str | None = None
    pma: str | None = None
    source: str | None = None
    note: str | None = None


class ProductIndication(Model):
    """What a product's label (or, when ``off_label``, the literature) says for one indication.

    Amounts are in the product's own unit (U for toxins, mL for fillers).
    """

    off_label: bool = False
    route: str | None = None
    min_age: Fact | None = None
    max_age: Fact | None = None
    total_dose: Fact | None = None
    per_site_max: Fact | None = None
    site_group_limits: tuple[SiteGroupLimit, ...] = ()
    min_interval_days: Fact | None = None
    duration_days: DayRange | None = None
    review_after_days: Fact | None = None
    templates: tuple[str, ...] = ()
    source: str
    note: str | None = None


class Product(Model):
    id: str
    name: str
    brand: str
    manufacturer: str
    substance: str
    product_class: ProductClass
    filler_family: FillerFamily | None = None
    unit: Unit
    vial_sizes_units: tuple[float, ...] = ()
    vial_sizes_source: str | None = None
    reconstitution: tuple[Reconstitution, ...] = ()
    in_use_hours: Fact | None = None
    ingredients: tuple[str, ...] = ()
    ingredients_source: str | None = None
    # Ingredients the reference marks UNVERIFIED: an allergy to one warrants a warning only.
    possible_ingredients: tuple[str, ...] = ()
    contraindicated_conditions: tuple[Contraindication, ...] = ()
    skin_test: SkinTest = SkinTest()
    session_max: Fact | None = None
    cumulative_limits: tuple[CumulativeLimit, ...] = ()
    combined_limits: tuple[CombinedLimit, ...] = ()
    volume_limits: tuple[VolumeLimit, ...] = ()
    codes: Codes = Codes()
    labels: dict[str, ProductIndication] = {}
    source: str
    note: str | None = None

    @model_validator(mode="after")
    def _class_consistent(self) -> Self:
        if self.product_class == "toxin" and (self.unit != "U" or self.filler_family):
            raise ValueError("a toxin is dosed in U and has no filler family")
        if self.product_class == "filler" and (self.unit != "mL" or not self.filler_family):
            raise ValueError("a filler is dosed in mL and needs a filler family")
        if self.vial_sizes_units and not self.vial_sizes_source:
            raise ValueError("vial sizes need vial_sizes_source")
        return self

    @property
    def cumulative_limit(self) -> CumulativeLimit | None:
        """The adult limit across indications, if the label gives one."""
        for limit in self.cumulative_limits:
            if limit.indication is None and limit.population == "adult":
                return limit
        return None

    @property
    def per_session_volume(self) -> VolumeLimit | None:
        return next((v for v in self.volume_limits if v.scope == "session"), None)

    @property
    def per_year_volume(self) -> VolumeLimit | None:
        return next((v for v in self.volume_limits if v.scope == "year"), None)
