"""Small proposal builders: a 40-year-old, non-pregnant patient with no history, at a fixed time."""

from __future__ import annotations

import copy
from typing import Any

from glabella.rules.engine import assess_json

AT = "2026-11-28T10:00:00"
ADULT_BIRTH = "1986-04-02"  # 40 on AT


def glabellar(product: str = "botox_cosmetic", units: float = 4) -> dict[str, Any]:
    sites = ["procerus", "corrugator_l", "corrugator_l", "corrugator_r", "corrugator_r"]
    return {
        "product": product,
        "indication": "glabellar_lines",
        "points": [{"site": s, "units": units} for s in sites],
    }


def blepharospasm(units: float = 1.25) -> dict[str, Any]:
    sites = [
        "orbicularis_oculi_pretarsal_upper_l",
        "orbicularis_oculi_pretarsal_upper_r",
        "orbicularis_oculi_pretarsal_lower_l",
        "orbicularis_oculi_pretarsal_lower_r",
    ]
    return {
        "product": "botox",
        "indication": "blepharospasm",
        "points": [{"site": s, "units": units} for s in sites],
    }


def filler(
    product: str = "juvederm_volbella_xc",
    indication: str = "lip_augmentation",
    site: str = "lip_upper",
    volume_ml: float = 0.5,
) -> dict[str, Any]:
    return {
        "product": product,
        "indication": indication,
        "points": [{"site": site, "volume_ml": volume_ml}],
    }


def proposal(*treatments: dict[str, Any], **patient: Any) -> dict[str, Any]:
    history = patient.pop("history", [])
    at = patient.pop("at", AT)
    return {
        "at": at,
        "patient": {"birth_date": ADULT_BIRTH, **patient},
        "history": history,
        "treatments": [copy.deepcopy(t) for t in treatments] or [glabellar()],
    }


def assess(data: dict[str, Any]) -> dict[str, Any]:
    return assess_json(data)


def found(result: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [f for f in result["findings"] if f["code"] == code]


def severities(result: dict[str, Any], code: str) -> set[str]:
    return {f["severity"] for f in found(result, code)}


def years_ago(years: int, at: str = AT) -> str:
    return f"{int(at[:4]) - years}{at[4:10]}"
