"""/api/v1/inventory: receive by scan, lots, vials, GTIN mappings, charting choices, recall."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.http import HttpRequest
from ninja import Router, Schema, Status

from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import CREATE, READ, UPDATE, record
from glabella.errors import InvalidInput
from glabella.inventory import actions, queries
from glabella.inventory.models import Lot, ProductCode, Vial
from glabella.patients.permissions import acting_user

router = Router(tags=["inventory"])
API = "api"


class LotOut(Schema):
    id: int
    product: str
    gtin: str
    lot_number: str
    expiry: date
    unit: str
    containers_received: int
    containers_left: int
    amount_per_container: Decimal
    received_at: datetime


class StockOut(Schema):
    lot: LotOut
    sealed: Decimal
    in_open_vials: Decimal
    total: Decimal


class ReceiveIn(Schema):
    gs1: str
    containers: int = 1
    product: str = ""
    amount_per_container: Decimal | None = None


class ReceiveOut(Schema):
    lot: LotOut
    containers: int
    serial: str
    hri: str


class VialOut(Schema):
    id: int
    lot_id: int
    units_total: Decimal
    units_left: Decimal
    diluent_ml: Decimal | None
    units_per_0_1ml: Decimal | None
    concentration_source: str
    reconstituted_at: datetime
    beyond_use_at: datetime | None
    beyond_use_note: str
    discarded_at: datetime | None


class ReconstituteIn(Schema):
    # Optional in the schema so the lot is looked up (404 across clinics) before validation.
    diluent_ml: Decimal | None = None


class DiscardIn(Schema):
    note: str = ""


class ProductCodeIn(Schema):
    gtin: str
    product: str


class ProductCodeOut(Schema):
    gtin: str
    product: str


class ChoiceOut(Schema):
    value: str
    label: str
    lot_id: int
    vial_id: int | None
    expiry: date


class RecallOut(Schema):
    lot: str
    patients: list[dict[str, str]]


@router.get("/lots", response=list[StockOut])
def list_stock(request: HttpRequest) -> list[StockOut]:
    rows = queries.stock_on_hand(current_clinic(request))
    return [
        StockOut(
            lot=LotOut.from_orm(r.lot),
            sealed=r.sealed,
            in_open_vials=r.in_open_vials,
            total=r.total,
        )
        for r in rows
    ]


@router.post("/receive", response={201: ReceiveOut})
def receive(request: HttpRequest, payload: ReceiveIn) -> Status[ReceiveOut]:
    clinic = current_clinic(request)
    with transaction.atomic():
        receipt = actions.receive_scan(
            clinic,
            acting_user(request),
            payload.gs1,
            containers=payload.containers,
            product=payload.product,
            amount_per_container=payload.amount_per_container,
        )
        record(request, CREATE, receipt.lot, channel=API)
    out = ReceiveOut(
        lot=LotOut.from_orm(receipt.lot),
        containers=receipt.containers,
        serial=receipt.reading.serial,
        hri=receipt.reading.hri,
    )
    return Status(201, out)


@router.put("/product-codes", response=ProductCodeOut)
def map_gtin(request: HttpRequest, payload: ProductCodeIn) -> ProductCode:
    with transaction.atomic():
        code = actions.map_gtin(
            current_clinic(request), acting_user(request), payload.gtin, payload.product
        )
        record(request, UPDATE, code, channel=API)
    return code


@router.get("/vials", response=list[VialOut])
def list_open_vials(request: HttpRequest) -> list[Vial]:
    return list(queries.open_vials(current_clinic(request)))


@router.post("/lots/{lot_id}/vials", response={201: VialOut})
def reconstitute(request: HttpRequest, lot_id: int, payload: ReconstituteIn) -> Status[Vial]:
    lot = get_scoped_or_404(Lot, request, pk=lot_id)
    if payload.diluent_ml is None:
        raise InvalidInput("invalid", "Give the diluent in mL.", "diluent_ml")
    with transaction.atomic():
        vial = actions.reconstitute_vial(
            current_clinic(request), acting_user(request), lot, payload.diluent_ml
        )
        record(request, CREATE, vial, channel=API)
    return Status(201, vial)


@router.post("/vials/{vial_id}/discard", response=VialOut)
def discard(request: HttpRequest, vial_id: int, payload: DiscardIn) -> Vial:
    vial = get_scoped_or_404(Vial, request, pk=vial_id)
    with transaction.atomic():
        actions.discard_vial(current_clinic(request), acting_user(request), vial, payload.note)
        record(request, "discard", vial, channel=API)
    vial.refresh_from_db()
    return vial


@router.get("/charting-choices", response=list[ChoiceOut])
def charting_choices(request: HttpRequest, product: str) -> list[queries.ChartingChoice]:
    return queries.lots_for_charting(current_clinic(request), product)


@router.get("/recall", response=RecallOut)
def recall(request: HttpRequest, lot: str) -> RecallOut:
    rows = queries.recall(current_clinic(request), lot)
    record(request, READ, object_type="inventory.recall", object_id=lot[:64], channel=API)
    return RecallOut(lot=lot, patients=queries.recall_records(rows))
