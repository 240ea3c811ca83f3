"""Read-mostly admin: stock changes go through the inventory actions, so the ledger holds."""

from __future__ import annotations

from django.contrib import admin

from glabella.inventory.models import Carton, Lot, ProductCode, StockMovement, Vial
from glabella.read_only_admin import ReadOnlyAdmin


@admin.register(ProductCode)
class ProductCodeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["gtin", "product", "clinic"]
    search_fields = ["gtin", "product"]


@admin.register(Lot)
class LotAdmin(ReadOnlyAdmin):
    list_display = ["product", "lot_number", "expiry", "containers_left", "clinic"]
    search_fields = ["lot_number", "gtin"]


@admin.register(Vial)
class VialAdmin(ReadOnlyAdmin):
    list_display = ["pk", "lot", "units_left", "beyond_use_at", "discarded_at"]


@admin.register(Carton)
class CartonAdmin(ReadOnlyAdmin):
    list_display = ["gtin", "serial", "lot"]


@admin.register(StockMovement)
class StockMovementAdmin(ReadOnlyAdmin):
    list_display = ["at", "kind", "amount", "lot", "vial", "clinic"]
    list_filter = ["kind"]
