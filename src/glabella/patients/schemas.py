"""JSON shapes of the patients API. Dates arrive as strings so the actions can say what is wrong."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema


class PatientIn(Schema):
    family_name: str
    given_name: str
    birth_date: str
    sex: str
    email: str = ""
    phone: str = ""
    email_opt_out: bool = False
    sms_opt_out: bool = False


class PatientOut(Schema):
    id: int
    record_number: int
    family_name: str
    given_name: str
    birth_date: date
    sex: str
    email: str
    phone: str
    email_opt_out: bool
    sms_opt_out: bool
    created_at: datetime
    updated_at: datetime


class SkinTestIn(Schema):
    product: str
    date: str
    result: str


class SkinTestOut(Schema):
    product: str
    date: date
    result: str


class ProfileIn(Schema):
    pregnant: bool = False
    breastfeeding: bool = False
    weight_kg: float | None = None
    conditions: list[str] = []
    allergies: list[str] = []
    medications: list[str] = []
    infection_sites: list[str] = []
    skin_tests: list[SkinTestIn] = []
    notes: str = ""


class ProfileOut(Schema):
    id: int
    patient_id: int
    recorded_at: datetime
    recorded_by_id: int | None
    pregnant: bool
    breastfeeding: bool
    weight_kg: float | None
    conditions: list[str]
    allergies: list[str]
    medications: list[str]
    infection_sites: list[str]
    skin_tests: list[SkinTestOut]
    notes: str


class PriorTreatmentIn(Schema):
    date: str
    product: str
    indication: str
    units: float | None = None
    volume_ml: float | None = None
    source: str = "external"
    notes: str = ""


class PriorTreatmentOut(Schema):
    id: int
    patient_id: int
    date: date
    product: str
    indication: str
    units: float | None
    volume_ml: float | None
    injector_id: int | None
    source: str
    notes: str
    created_at: datetime


class EngineInputOut(Schema):
    patient: dict[str, object]
    history: list[dict[str, object]]
