"""Stock writes: receive by scan, map GTINs, open and discard vials, adjust counts.

The caller owns the transaction (views, API and commands wrap these in ``atomic()``);
every action that changes a counter locks its row first and writes one ledger movement,
so the counters and the ledger never disagree.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from biip import ParseError
from biip.gtin import Gtin
from django.utils import timezone

from glabella.accounts.models import Clinic, User
from glabella.errors import Conflict, InvalidInput
from glabella.inventory import gs1
from glabella.inventory.models import Carton, Lot, ProductCode, StockMovement, Vial, qty
from glabella.knowledge import load_knowledge
from glabella.knowledge.schema import Product


def kb_product(product_id: str, field: str = "product") -> Product:
    products = load_knowledge().products
    product = products.get(product_id)
    if product is None:
        raise InvalidInput("PRODUCT_UNKNOWN", unknown_product_text(product_id, products), field)
    return product


def unknown_product_text(product_id: str, products: Mapping[str, Product]) -> str:
    """Name the closest ids (by id or product name), or all of them when nothing is close."""
    text = product_id.strip()
    by_name = {product.name.casefold(): key for key, product in products.items()}
    close = difflib.get_close_matches(text.casefold(), list(products), n=5, cutoff=0.6)
    close += [
        by_name[name]
        for name in difflib.get_close_matches(text.casefold(), list(by_name), n=3, cutoff=0.6)
    ]
    close += sorted(key for key in products if text and text.casefold() in key)
    suggestions = list(dict.fromkeys(close))[:6]
    if suggestions:
        hint = "Closest ids: " + ", ".join(suggestions) + "."
    else:
        hint = "Known ids: " + ", ".join(sorted(products)) + "."
    return f"No product {product_id!r} in the knowledge base. {hint}"


def resolve_product(clinic: Clinic, gtin: str) -> str | None:
    """The clinic's own mapping wins; the knowledge base's published GTINs are the fallback."""
    mapped = ProductCode.objects.filter(clinic=clinic, gtin=gtin).values_list("product", flat=True)
    for product in mapped:
        return product
    for product_ in load_knowledge().products.values():
        if product_.codes.gtin == gtin:
            return product_.id
    return None


def map_gtin(clinic: Clinic, user: User | None, gtin: str, product_id: str) -> ProductCode:
    """Remember which product a GTIN is, for this clinic."""
    try:
        Gtin.parse(gtin)
    except ParseError as exc:
        raise InvalidInput("GS1_CHECK_DIGIT", f"GTIN {gtin!r}: {exc}", "gtin") from exc
    kb_product(product_id)
    code, _ = ProductCode.objects.update_or_create(
        clinic=clinic, gtin=gtin, defaults={"product": product_id, "created_by": user}
    )
    return code


def change_code(code: ProductCode, user: User | None, product_id: str) -> ProductCode:
    """Point a clinic's GTIN at another knowledge-base product.

    Lots already received keep their product: the mapping only decides future receipts.
    """
    product_id = product_id.strip()
    kb_product(product_id)
    code.product = product_id
    code.created_by = user
    code.save(update_fields=["product", "created_by"])
    return code


def remove_code(code: ProductCode) -> None:
    """Forget a GTIN mapping; the next receipt of that GTIN asks for its product again."""
    code.delete()


def default_amount(product: Product) -> Decimal | None:
    """A toxin sold in one vial size needs no question; fillers and multi-size toxins do."""
    if product.unit == "U" and len(product.vial_sizes_units) == 1:
        return Decimal(str(product.vial_sizes_units[0]))
    return None


def container_amount(product: Product, given: Decimal | None) -> Decimal:
    amount = given if given is not None else default_amount(product)
    if amount is None:
        sizes = ", ".join(f"{qty(s)} U" for s in product.vial_sizes_units)
        what = f"vial size ({sizes})" if product.unit == "U" else "syringe volume in mL"
        raise InvalidInput(
            "AMOUNT_REQUIRED", f"Give the {what} of {product.name}.", "amount_per_container"
        )
    if amount <= 0:
        raise InvalidInput(
            "AMOUNT_INVALID", "The amount per container must be positive.", "amount_per_container"
        )
    if (
        product.unit == "U"
        and product.vial_sizes_units
        and float(amount) not in product.vial_sizes_units
    ):
        sizes = ", ".join(f"{qty(s)}" for s in product.vial_sizes_units)
        raise InvalidInput(
            "AMOUNT_INVALID",
            f"{product.name} comes in {sizes} U vials, not {qty(amount)} U.",
            "amount_per_container",
        )
    return amount


@dataclass(frozen=True)
class Receipt:
    lot: Lot
    reading: gs1.Reading
    containers: int


def receive_scan(
    clinic: Clinic,
    user: User | None,
    raw: str,
    *,
    containers: int = 1,
    product: str = "",
    amount_per_container: Decimal | None = None,
    now: datetime | None = None,
) -> Receipt:
    """Receive cartons from one label's scan; an unknown GTIN needs ``product`` once."""
    now = now or timezone.now()
    reading = gs1.read(raw, timezone.localdate(now))
    if containers < 1:
        raise InvalidInput("CONTAINERS_INVALID", "Receive at least one container.", "containers")
    product_id = resolve_product(clinic, reading.gtin)
    if product_id is None or (product and product != product_id):
        if not product:
            raise InvalidInput(
                "GTIN_UNKNOWN",
                f"GTIN {reading.gtin} is not mapped to a product yet: say which product it is.",
                "product",
            )
        product_id = map_gtin(clinic, user, reading.gtin, product).product
    kb = kb_product(product_id)
    amount = container_amount(kb, amount_per_container)
    lot = lot_for(clinic, user, kb, reading, amount, now)
    if reading.serial:
        if containers != 1:
            raise InvalidInput(
                "CONTAINERS_INVALID",
                "A serialised carton is one container; scan each.",
                "containers",
            )
        if Carton.objects.filter(clinic=clinic, gtin=reading.gtin, serial=reading.serial).exists():
            raise Conflict(
                "SERIAL_RECEIVED",
                f"Carton serial {reading.serial} of GTIN {reading.gtin} was already received.",
                "gs1",
            )
        Carton.objects.create(
            clinic=clinic, lot=lot, gtin=reading.gtin, serial=reading.serial, received_at=now
        )
    lot.containers_received += containers
    lot.containers_left += containers
    lot.save(update_fields=["containers_received", "containers_left"])
    StockMovement.objects.create(
        clinic=clinic,
        lot=lot,
        kind=StockMovement.RECEIVE,
        amount=amount * containers,
        containers=containers,
        note=reading.hri,
        by=user,
        at=now,
    )
    return Receipt(lot=lot, reading=reading, containers=containers)


def manual_element_string(gtin: str, expiry: date, lot: str, serial: str = "") -> str:
    """Manual entry goes through the same checks as a scan."""
    text = f"(01){gtin.strip()}(17){expiry:%y%m%d}(10){lot.strip()}"
    return text + (f"(21){serial.strip()}" if serial.strip() else "")


def lot_for(
    clinic: Clinic,
    user: User | None,
    product: Product,
    reading: gs1.Reading,
    amount: Decimal,
    now: datetime,
) -> Lot:
    """The clinic's row for this GTIN, lot and expiry, locked; created on first receipt."""
    lot, _ = Lot.objects.select_for_update().get_or_create(
        clinic=clinic,
        gtin=reading.gtin,
        lot_number=reading.lot,
        expiry=reading.expiry,
        defaults={
            "product": product.id,
            "unit": product.unit,
            "containers_received": 0,
            "containers_left": 0,
            "amount_per_container": amount,
            "raw_scan": reading.hri,
            "received_at": now,
            "received_by": user,
        },
    )
    if lot.product != product.id or lot.amount_per_container != amount:
        raise Conflict(
            "LOT_MISMATCH",
            f"Lot {lot.lot_number} is already stocked as {lot.product}, "
            f"{qty(lot.amount_per_container)} {lot.unit} per container.",
            "amount_per_container",
        )
    return lot


@dataclass(frozen=True)
class Concentration:
    units_per_0_1ml: Decimal
    source: str


def concentration(product: Product, vial_units: Decimal, diluent_ml: Decimal) -> Concentration:
    """The knowledge base's dilution row when there is one; plain arithmetic otherwise."""
    for row in product.reconstitution:
        if (
            Decimal(str(row.vial_units)) == vial_units
            and Decimal(str(row.diluent_ml)) == diluent_ml
        ):
            return Concentration(Decimal(str(row.units_per_0_1_ml)), row.source)
    computed = (vial_units / (diluent_ml * 10)).quantize(Decimal("0.001"))
    return Concentration(computed, "not in the knowledge base's table: vial units / (mL x 10)")


def beyond_use(product: Product, at: datetime) -> tuple[datetime | None, str]:
    fact = product.in_use_hours
    if fact is None or fact.value is None:
        note = (
            fact.note
            if fact is not None and fact.note
            else "The knowledge base gives no in-use time."
        )
        return None, note or ""
    return at + timedelta(
        hours=fact.value
    ), f"{qty(fact.value)} h after reconstitution ({fact.source})"


def reconstitute_vial(
    clinic: Clinic, user: User | None, lot: Lot, diluent_ml: Decimal, now: datetime | None = None
) -> Vial:
    """Take one sealed vial from a toxin lot and reconstitute it with ``diluent_ml`` of diluent."""
    now = now or timezone.now()
    lot = Lot.objects.select_for_update().get(pk=lot.pk, clinic=clinic)
    product = kb_product(lot.product)
    if lot.unit != "U":
        raise InvalidInput("NOT_A_TOXIN", f"{product.name} is not reconstituted.", "lot")
    if lot.expiry < timezone.localdate(now):
        raise InvalidInput(
            "LOT_EXPIRED", f"Lot {lot.lot_number} expired on {lot.expiry:%Y-%m-%d}.", "lot"
        )
    if lot.containers_left < 1:
        raise Conflict("LOT_EMPTY", f"Lot {lot.lot_number} has no sealed vial left.", "lot")
    if diluent_ml <= 0 or diluent_ml > 10:
        raise InvalidInput(
            "DILUENT_INVALID", "Diluent must be more than 0 and at most 10 mL.", "diluent_ml"
        )
    conc = concentration(product, lot.amount_per_container, diluent_ml)
    until, note = beyond_use(product, now)
    lot.containers_left -= 1
    lot.save(update_fields=["containers_left"])
    vial = Vial.objects.create(
        clinic=clinic,
        lot=lot,
        units_total=lot.amount_per_container,
        units_left=lot.amount_per_container,
        diluent_ml=diluent_ml,
        units_per_0_1ml=conc.units_per_0_1ml,
        concentration_source=conc.source[:200],
        reconstituted_at=now,
        beyond_use_at=until,
        beyond_use_note=note[:300],
        opened_by=user,
    )
    StockMovement.objects.create(
        clinic=clinic,
        lot=lot,
        vial=vial,
        kind=StockMovement.OPEN,
        amount=0,
        containers=-1,
        note=f"{qty(diluent_ml)} mL diluent",
        by=user,
        at=now,
    )
    return vial


def discard_vial(
    clinic: Clinic, user: User | None, vial: Vial, note: str = "", now: datetime | None = None
) -> StockMovement:
    """Close a vial; what is left becomes waste (the JW line of a claim, JZ when none)."""
    now = now or timezone.now()
    vial = Vial.objects.select_for_update().get(pk=vial.pk, clinic=clinic)
    if vial.discarded_at is not None:
        raise Conflict("VIAL_DISCARDED", f"Vial {vial.pk} was already discarded.", "vial")
    waste = vial.units_left
    vial.units_left = Decimal(0)
    vial.discarded_at = now
    vial.discarded_by = user
    vial.save(update_fields=["units_left", "discarded_at", "discarded_by"])
    return StockMovement.objects.create(
        clinic=clinic,
        lot_id=vial.lot_id,
        vial=vial,
        kind=StockMovement.WASTE,
        amount=-waste,
        note=note[:300],
        by=user,
        at=now,
    )


def adjust(
    clinic: Clinic,
    user: User | None,
    lot: Lot,
    containers: int,
    note: str,
    now: datetime | None = None,
) -> StockMovement:
    """Correct a count of sealed containers (breakage, stocktake); the reason is required."""
    now = now or timezone.now()
    if not note.strip():
        raise InvalidInput("REASON_REQUIRED", "Say why the stock is adjusted.", "note")
    if containers == 0:
        raise InvalidInput("CONTAINERS_INVALID", "Adjust by at least one container.", "containers")
    lot = Lot.objects.select_for_update().get(pk=lot.pk, clinic=clinic)
    if lot.containers_left + containers < 0:
        raise Conflict(
            "LOT_EMPTY", f"Lot {lot.lot_number} has only {lot.containers_left} left.", "containers"
        )
    lot.containers_left += containers
    lot.save(update_fields=["containers_left"])
    return StockMovement.objects.create(
        clinic=clinic,
        lot=lot,
        kind=StockMovement.ADJUST,
        amount=lot.amount_per_container * containers,
        containers=containers,
        note=note[:300],
        by=user,
        at=now,
    )
