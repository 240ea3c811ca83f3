"""Shape of the clinical knowledge base (Pydantic v2, frozen, unknown keys rejected).

Every clinical number is a :class:`Fact` ``{value, source, advisory, note}`` (or a
:class:`DayRange` ``{low, high, source, advisory, note}``). ``value`` None means the
reference does not give it and ``note`` says so. ``advisory: true`` marks facts the
reference calls UNVERIFIED or non-label: warn or inform on them, never block.
``fact.blocking`` is True only for a known, non-advisory fact.

KnowledgeBase (see ``glabella.knowledge.kb``), all dicts keyed by id:

- ``products: Product`` — id, name, brand, manufacturer, substance (onabotulinumtoxinA …),
  product_class ``toxin|filler``, filler_family (``hyaluronic_acid``,
  ``calcium_hydroxylapatite``, ``poly_l_lactic_acid``, ``pmma_collagen``) or None, unit
  ``U|mL`` (toxin units are product-specific, never converted), vial_sizes_units,
  reconstitution rows, in_use_hours (Fact), ingredients (ingredient ids),
  contraindicated_conditions ``[{condition, source}]``, skin_test ``{required,
  min_days_before: Fact}``, session_max (Fact, all indications in one session),
  cumulative_limits ``[{group, amount, unit, window_days, indication|None, population}]``
  (``product.cumulative_limit`` = the adult across-indication one), combined_limits,
  volume_limits ``[{scope: session|year, amount_ml, group, per_body_kg, window_days}]``
  (``per_session_volume`` / ``per_year_volume``), codes ``{ndc, gtin, rxnorm, pma}`` and
  ``labels: {indication_id: ProductIndication}``.
- ``ProductIndication`` — off_label, route, min_age, max_age, total_dose, per_site_max,
  site_group_limits ``[{name, sites, amount}]``, min_interval_days, duration_days
  (DayRange), review_after_days, templates, source. Amounts in the product's unit.
  An indication absent from ``labels`` is not labelled for that product.
- ``indications: Indication`` — kind ``cosmetic|therapeutic``, product_class, icd10 (None
  when none), scales, typical sites, plain-language summary.
- ``sites: Site`` — kind ``muscle|filler_area``, side ``l|r|None``, regions, danger_zone,
  snomed (only verified codes), diagram ``{view: face_front|head_back|axillae|eye, x, y}``.
- ``regions: Region`` — sites (filled by the loader). ``kb.sites_in(id)`` takes a region
  or a site id and returns site ids.
- ``templates: Template`` — indication, product_class, products, points ``[{site, units |
  volume_ml}]``, variants (platysma 26/31/36 U), options (PREEMPT follow-the-pain), menu
  (cervical dystonia muscles), dose_bands (strabismus by prism dioptres), total (Fact).
- ``aftercare: Aftercare`` — per product class and area: patient_text, instructions,
  recovery, warning_signs, review_after_days. ``sequencing: Sequencing`` toxin-with-filler.
- ``scales``, ``conditions``, ``allergies`` (``ingredients`` each matches), ``medications``,
  ``ingredients``, ``finding_codes`` (default severities from the contract).
"""

from glabella.knowledge.schema.anatomy import Diagram, Indication, Region, Site, View
from glabella.knowledge.schema.base import (
    SEVERITY_RANK,
    DayRange,
    Fact,
    Model,
    ProductClass,
    Severity,
)
from glabella.knowledge.schema.care import (
    Aftercare,
    Instruction,
    Recovery,
    Scale,
    Sequencing,
    WarningSign,
)
from glabella.knowledge.schema.products import (
    Codes,
    CombinedLimit,
    Contraindication,
    CumulativeLimit,
    FillerFamily,
    Product,
    ProductIndication,
    Reconstitution,
    SiteGroupLimit,
    SkinTest,
    Unit,
    VolumeLimit,
)
from glabella.knowledge.schema.templates import (
    DoseBand,
    Template,
    TemplateOption,
    TemplatePoint,
    TemplateVariant,
)
from glabella.knowledge.schema.vocabulary import (
    Allergy,
    Condition,
    FindingCode,
    Ingredient,
    Medication,
)

__all__ = [
    "SEVERITY_RANK",
    "Aftercare",
    "Allergy",
    "Codes",
    "CombinedLimit",
    "Condition",
    "Contraindication",
    "CumulativeLimit",
    "DayRange",
    "Diagram",
    "DoseBand",
    "Fact",
    "FillerFamily",
    "FindingCode",
    "Indication",
    "Ingredient",
    "Instruction",
    "Medication",
    "Model",
    "Product",
    "ProductClass",
    "ProductIndication",
    "Reconstitution",
    "Recovery",
    "Region",
    "Scale",
    "Sequencing",
    "Severity",
    "Site",
    "SiteGroupLimit",
    "SkinTest",
    "Template",
    "TemplateOption",
    "TemplatePoint",
    "TemplateVariant",
    "Unit",
    "View",
    "VolumeLimit",
    "WarningSign",
]
