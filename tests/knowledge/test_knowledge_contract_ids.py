"""Every identifier the assessment contract names exists in the knowledge base.

The lists are copied from contracts/assessment.md so the suite does not depend on that file.
"""

from collections.abc import Mapping

from glabella.knowledge import load_knowledge

PRODUCTS = [
    "botox",
    "botox_cosmetic",
    "dysport",
    "xeomin",
    "jeuveau",
    "daxxify",
    "letybo",
    "juvederm_ultra_xc",
    "juvederm_ultra_plus_xc",
    "juvederm_voluma_xc",
    "juvederm_volbella_xc",
    "juvederm_vollure_xc",
    "juvederm_volux_xc",
    "skinvive",
    "restylane_l",
    "restylane_lyft",
    "restylane_silk",
    "restylane_refyne",
    "restylane_defyne",
    "restylane_kysse",
    "restylane_contour",
    "restylane_eyelight",
    "rha_2",
    "rha_3",
    "rha_4",
    "rha_redensity",
    "belotero_balance",
    "radiesse",
    "radiesse_plus",
    "sculptra",
    "bellafill",
]
INDICATIONS = [
    "glabellar_lines",
    "lateral_canthal_lines",
    "forehead_lines",
    "platysma_bands",
    "masseter_hypertrophy",
    "gummy_smile",
    "bunny_lines",
    "lip_flip",
    "downturned_mouth",
    "chin_dimpling",
    "chronic_migraine",
    "cervical_dystonia",
    "blepharospasm",
    "strabismus",
    "axillary_hyperhidrosis",
    "tmj_disorder",
    "nasolabial_folds",
    "marionette_lines",
    "perioral_lines",
    "lip_augmentation",
    "cheek_augmentation",
    "chin_augmentation",
    "jawline_definition",
    "temple_hollowing",
    "infraorbital_hollows",
    "skin_smoothness",
    "acne_scars",
    "hand_rejuvenation",
]
PAIRED_MUSCLES = [
    "corrugator",
    "orbicularis_oculi_lateral",
    "orbicularis_oculi_pretarsal_upper",
    "orbicularis_oculi_pretarsal_lower",
    "nasalis",
    "levator_labii",
    "depressor_anguli_oris",
    "masseter",
    "temporalis",
    "occipitalis",
    "cervical_paraspinal",
    "trapezius",
    "sternocleidomastoid",
    "splenius_capitis",
    "levator_scapulae",
    "scalene",
    "platysma",
    "medial_rectus",
    "lateral_rectus",
    "superior_rectus",
    "inferior_rectus",
    "axilla",
]
PAIRED_AREAS = [
    "nasolabial_fold",
    "marionette",
    "cheek",
    "jawline",
    "temple",
    "infraorbital",
    "cheek_skin",
    "acne_scar_cheek",
    "dorsal_hand",
]
SINGLE_SITES = [
    "procerus",
    "frontalis_l",
    "frontalis_r",
    "frontalis_c",
    "orbicularis_oris_upper",
    "mentalis",
    "lip_upper",
    "lip_lower",
    "perioral",
    "chin",
    "glabella_filler",
    "nose",
]
SITES = SINGLE_SITES + [f"{s}_{side}" for s in PAIRED_MUSCLES + PAIRED_AREAS for side in "lr"]
REGIONS = [
    "forehead",
    "glabella",
    "periorbital_l",
    "periorbital_r",
    "nose",
    "perioral",
    "lips",
    "cheek_l",
    "cheek_r",
    "chin",
    "jawline_l",
    "jawline_r",
    "temple_l",
    "temple_r",
    "scalp",
    "neck",
    "axilla_l",
    "axilla_r",
    "hands",
    "orbit_l",
    "orbit_r",
]
CONDITIONS = [
    "myasthenia_gravis",
    "lambert_eaton",
    "als",
    "peripheral_motor_neuropathy",
    "dysphagia",
    "respiratory_compromise",
    "bleeding_disorder",
    "keloid_history",
    "anaphylaxis_history",
    "autoimmune_disease",
    "immunosuppression",
]
ALLERGIES = [
    "botulinum_toxin",
    "human_albumin",
    "cow_milk_protein",
    "lidocaine",
    "hyaluronic_acid",
    "gram_positive_bacterial_protein",
    "bovine_collagen",
    "calcium_hydroxylapatite",
    "poly_l_lactic_acid",
]
MEDICATIONS = [
    "aminoglycoside",
    "curare_like_agent",
    "anticholinergic",
    "anticoagulant",
    "antiplatelet",
]
CODES = [
    "PREGNANCY",
    "BREASTFEEDING",
    "NEUROMUSCULAR_DISORDER",
    "HYPERSENSITIVITY",
    "SITE_INFECTION",
    "ANAPHYLAXIS_HISTORY",
    "NEUROMUSCULAR_BLOCKING_DRUG",
    "BLEEDING_RISK",
    "KELOID_HISTORY",
    "SKIN_TEST_REQUIRED",
    "AGE_BELOW_LABEL",
    "AGE_ABOVE_LABEL",
    "RETREATMENT_INTERVAL",
    "CUMULATIVE_DOSE",
    "DOSE_ABOVE_LABEL",
    "VOLUME_ABOVE_LABEL",
    "OFF_LABEL",
    "UNSUPPORTED_COMBINATION",
    "LOT_EXPIRED",
    "VIAL_BEYOND_USE",
    "HIGH_RISK_AREA",
    "SEQUENCING",
]


def missing(wanted: list[str], present: Mapping[str, object]) -> list[str]:
    return [i for i in wanted if i not in present]


def test_every_contract_product_is_present() -> None:
    assert missing(PRODUCTS, load_knowledge().products) == []


def test_every_contract_indication_is_present() -> None:
    assert missing(INDICATIONS, load_knowledge().indications) == []


def test_every_contract_site_is_present() -> None:
    assert len(SITES) == 12 + 2 * 31
    assert missing(SITES, load_knowledge().sites) == []


def test_every_contract_region_is_present_and_holds_sites() -> None:
    kb = load_knowledge()
    assert missing(REGIONS, kb.regions) == []
    assert all(kb.sites_in(r) for r in REGIONS)


def test_every_contract_patient_fact_is_present() -> None:
    kb = load_knowledge()
    assert missing(CONDITIONS, kb.conditions) == []
    assert missing(ALLERGIES, kb.allergies) == []
    assert missing(MEDICATIONS, kb.medications) == []


def test_every_contract_finding_code_is_present() -> None:
    assert missing(CODES, load_knowledge().finding_codes) == []


def test_product_classes_match_the_contract() -> None:
    kb = load_knowledge()
    toxins = {p for p in PRODUCTS if kb.products[p].product_class == "toxin"}
    assert toxins == {
        "botox",
        "botox_cosmetic",
        "dysport",
        "xeomin",
        "jeuveau",
        "daxxify",
        "letybo",
    }
    assert all(kb.products[p].unit == "mL" for p in set(PRODUCTS) - toxins)
