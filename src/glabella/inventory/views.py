"""Stock pages: receive by scan, stock and vials, recall (with CSV), dashboard with a plot."""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from glabella.accounts.permissions import clinic_required, has_role, require_role
from glabella.accounts.roles import Role
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import CREATE, DELETE, READ, UPDATE, record
from glabella.errors import DomainError, InvalidInput
from glabella.inventory import actions, gs1, plots, queries
from glabella.inventory.models import Lot, ProductCode, Vial
from glabella.knowledge import load_knowledge
from glabella.patients.permissions import acting_user

EXPIRY_WINDOWS = (30, 60, 90)
# Who maps GTINs: the people who receive and administer stock, and the clinic admin.
CODE_ROLES = (Role.ADMIN, Role.INJECTOR, Role.PHYSICIAN)
# Correcting counts by hand bypasses the ledger's normal sources, so only admins may.
ADJUST_ROLES = (Role.ADMIN,)


def decimal_or_none(text: str | None, field: str) -> Decimal | None:
    if not text or not text.strip():
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise InvalidInput("invalid", "Enter a number.", field) from None


def scan_text(request: HttpRequest) -> str:
    """The scan field, or the manual fields turned into the same element string."""
    scan = request.POST.get("scan", "")
    if scan.strip():
        return scan
    expiry_text = request.POST.get("expiry", "")
    try:
        expiry = date.fromisoformat(expiry_text)
    except ValueError:
        raise InvalidInput(
            "invalid", "Scan the carton or enter GTIN, expiry and lot.", "scan"
        ) from None
    return actions.manual_element_string(
        request.POST.get("gtin", ""),
        expiry,
        request.POST.get("lot", ""),
        request.POST.get("serial", ""),
    )


@clinic_required
def receive(request: HttpRequest) -> HttpResponse:
    products = sorted(load_knowledge().products.values(), key=lambda p: p.name)
    context: dict[str, object] = {"products": products, "form": request.POST}
    if request.method == "POST":
        try:
            with transaction.atomic():
                receipt = actions.receive_scan(
                    current_clinic(request),
                    acting_user(request),
                    scan_text(request),
                    containers=int(request.POST.get("containers") or 1),
                    product=request.POST.get("product", ""),
                    amount_per_container=decimal_or_none(
                        request.POST.get("amount"), "amount_per_container"
                    ),
                )
                record(request, CREATE, receipt.lot)
        except (DomainError, ValueError) as exc:
            context["error"] = (
                exc
                if isinstance(exc, DomainError)
                else InvalidInput("invalid", "Containers is a whole number.", "containers")
            )
            return render(request, "inventory/receive.html", context, status=422)
        lot = receipt.lot
        messages.success(
            request,
            f"Received {receipt.containers} of {lot.product}, lot {lot.lot_number} "
            f"(exp {lot.expiry:%Y-%m-%d}).",
        )
        return redirect("inventory:receive")
    return render(request, "inventory/receive.html", context)


@clinic_required
def stock(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    today = timezone.localdate()
    rows = queries.stock_on_hand(clinic)
    now = timezone.now()
    vials = [(vial, queries.time_left(vial, now)) for vial in queries.open_vials(clinic)]
    context = {
        "rows": rows,
        "expiring": [
            (days, [r for r in rows if r.lot.expiry <= today + timedelta(days=days)])
            for days in EXPIRY_WINDOWS
        ],
        "vials": [
            (vial, left, queries.hours_text(left) if left is not None else "")
            for vial, left in vials
        ],
        "today": today,
        "now": now,
        "can_adjust": has_role(request, *ADJUST_ROLES),
    }
    return render(request, "inventory/stock.html", context)


@require_POST
@require_role(*ADJUST_ROLES)
def adjust(request: HttpRequest, lot_id: int) -> HttpResponse:
    """Correct a lot's sealed containers (breakage, stocktake) with a signed count and a reason."""
    lot = get_scoped_or_404(Lot, request, pk=lot_id)
    try:
        containers = whole_number(request.POST.get("containers", ""), "containers")
        with transaction.atomic():
            movement = actions.adjust(
                current_clinic(request),
                acting_user(request),
                lot,
                containers,
                request.POST.get("reason", ""),
            )
            record(request, "adjust", lot)
    except DomainError as exc:
        messages.error(request, f"Lot {lot.lot_number}: {exc.message}")
    else:
        messages.success(
            request,
            f"Lot {lot.lot_number} adjusted by {movement.containers:+d} "
            f"container{'s' if abs(movement.containers) != 1 else ''} "
            f"({movement.amount.normalize():f} {lot.unit}).",
        )
    return redirect("inventory:stock")


def whole_number(text: str, field: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidInput(
            "invalid", "Give a whole number of containers, e.g. -1 or 2.", field
        ) from None


@require_role(*CODE_ROLES)
def product_codes(request: HttpRequest) -> HttpResponse:
    """The clinic's GTIN → product table, with edit and remove."""
    products = load_knowledge().products
    rows = [
        (code, products.get(code.product))
        for code in queries.product_codes(current_clinic(request))
    ]
    return render(request, "inventory/product_codes.html", {"rows": rows})


@require_role(*CODE_ROLES)
def product_code_edit(request: HttpRequest, code_id: int) -> HttpResponse:
    code = get_scoped_or_404(ProductCode, request, pk=code_id)
    context: dict[str, object] = {
        "code": code,
        "products": sorted(load_knowledge().products.values(), key=lambda p: p.id),
        "value": code.product,
    }
    if request.method == "POST":
        value = request.POST.get("product", "")
        try:
            with transaction.atomic():
                actions.change_code(code, acting_user(request), value)
                record(request, UPDATE, code)
        except DomainError as exc:
            context.update(error=exc, value=value)
            return render(request, "inventory/product_code_edit.html", context, status=422)
        messages.success(request, f"GTIN {code.gtin} now maps to {code.product}.")
        return redirect("inventory:product_codes")
    return render(request, "inventory/product_code_edit.html", context)


@require_role(*CODE_ROLES)
def product_code_remove(request: HttpRequest, code_id: int) -> HttpResponse:
    """GET asks for confirmation; POST removes the mapping."""
    code = get_scoped_or_404(ProductCode, request, pk=code_id)
    if request.method == "POST":
        gtin = code.gtin
        with transaction.atomic():
            # Recorded before the delete, while the row still has its id.
            record(request, DELETE, code)
            actions.remove_code(code)
        messages.success(request, f"GTIN {gtin} removed; its next receipt asks for the product.")
        return redirect("inventory:product_codes")
    return render(request, "inventory/product_code_remove.html", {"code": code})


@require_POST
@clinic_required
def reconstitute(request: HttpRequest, lot_id: int) -> HttpResponse:
    lot = get_scoped_or_404(Lot, request, pk=lot_id)
    try:
        diluent = decimal_or_none(request.POST.get("diluent_ml"), "diluent_ml")
        if diluent is None:
            raise InvalidInput("invalid", "Enter the diluent in mL.", "diluent_ml")
        with transaction.atomic():
            vial = actions.reconstitute_vial(
                current_clinic(request), acting_user(request), lot, diluent
            )
            record(request, CREATE, vial)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Vial {vial.pk} opened: {vial.units_per_0_1ml:f} U per 0.1 mL.")
    return redirect("inventory:stock")


@require_POST
@clinic_required
def discard(request: HttpRequest, vial_id: int) -> HttpResponse:
    vial = get_scoped_or_404(Vial, request, pk=vial_id)
    try:
        with transaction.atomic():
            movement = actions.discard_vial(
                current_clinic(request), acting_user(request), vial, request.POST.get("note", "")
            )
            record(request, "discard", vial)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"Vial {vial.pk} discarded; {-movement.amount:f} U recorded as waste."
        )
    return redirect("inventory:stock")


def recall_rows(
    request: HttpRequest,
) -> tuple[str, list[queries.RecallRow] | None, DomainError | None]:
    text = request.GET.get("lot", "")
    if not text.strip():
        return "", None, None
    try:
        lot = gs1.lot_of(text)
    except DomainError as exc:
        return text, None, exc
    rows = queries.recall(current_clinic(request), lot)
    # The list names patients: reading it is audited like opening a chart.
    record(request, READ, object_type="inventory.recall", object_id=lot[:64])
    return lot, rows, None


@clinic_required
def recall(request: HttpRequest) -> HttpResponse:
    lot, rows, error = recall_rows(request)
    return render(request, "inventory/recall.html", {"lot": lot, "rows": rows, "error": error})


@clinic_required
def recall_csv(request: HttpRequest) -> HttpResponse:
    lot, rows, error = recall_rows(request)
    if error is not None or rows is None:
        return HttpResponse("Give ?lot=LOT.", status=400, content_type="text/plain")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    safe = "".join(c for c in lot if c.isalnum() or c in "-_") or "lot"
    response["Content-Disposition"] = f'attachment; filename="recall-{safe}.csv"'
    writer = csv.DictWriter(response, queries.RECALL_COLUMNS)
    writer.writeheader()
    writer.writerows(queries.recall_records(rows))
    return response


def period(request: HttpRequest) -> tuple[date, date]:
    """The dashboard's period: ?start=&end= (ISO dates, end inclusive), default the last 30 days."""
    today = timezone.localdate()
    try:
        start = date.fromisoformat(request.GET.get("start", ""))
    except ValueError:
        start = today - timedelta(days=29)
    try:
        end = date.fromisoformat(request.GET.get("end", ""))
    except ValueError:
        end = today
    return min(start, end), max(start, end)


def bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return datetime.combine(start, time.min, tz), datetime.combine(
        end + timedelta(days=1), time.min, tz
    )


def left_text(vial: Vial, now: datetime) -> str:
    left = queries.time_left(vial, now)
    return "no in-use time known" if left is None else f"{queries.hours_text(left)} left"


@clinic_required
def dashboard(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    start, end = period(request)
    since, until = bounds(start, end)
    today = timezone.localdate()
    rows = queries.stock_on_hand(clinic)
    now = timezone.now()
    context = {
        "start": start,
        "end": end,
        "rows": rows,
        "expiring": [
            (days, len([r for r in rows if r.lot.expiry <= today + timedelta(days=days)]))
            for days in EXPIRY_WINDOWS
        ],
        "vials": [(vial, left_text(vial, now)) for vial in queries.open_vials(clinic)],
        "by_product": queries.usage_and_waste(clinic, since, until, "product"),
        "by_injector": queries.usage_and_waste(clinic, since, until, "injector"),
    }
    return render(request, "inventory/dashboard.html", context)


@clinic_required
def usage_plot(request: HttpRequest) -> HttpResponse:
    start, end = period(request)
    since, until = bounds(start, end)
    rows = queries.usage_and_waste(current_clinic(request), since, until, "product")
    return HttpResponse(plots.usage_svg(rows, start, end), content_type="image/svg+xml")
