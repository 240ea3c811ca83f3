"""Stock: GTIN mappings, lots received by scanning, opened vials and the movement ledger.

Amounts are in the product's own unit — units (U) for toxins, mL for fillers — and are
never mixed across products. The ledger is signed: the sum of a lot's movements equals
what is still in stock, sealed containers plus what is left in its open vials, so a
drift between the counters and the ledger is always detectable.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models


class ProductCode(models.Model):
    """A clinic's mapping from a GTIN on a carton to a knowledge-base product id."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    gtin = models.CharField(max_length=14)
    product = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "gtin"], name="product_code_gtin_per_clinic")
        ]

    def __str__(self) -> str:
        return f"{self.gtin} → {self.product}"


class Lot(models.Model):
    """One batch of one product in a clinic: every carton with the same GTIN, lot and expiry.

    Receiving more cartons of a lot adds to its row; serials live on :class:`Carton`.
    """

    UNIT_CHOICES = [("U", "units"), ("mL", "mL")]

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    product = models.CharField(max_length=64)
    gtin = models.CharField(max_length=14, blank=True)
    lot_number = models.CharField(max_length=20)
    expiry = models.DateField()
    unit = models.CharField(max_length=2, choices=UNIT_CHOICES)
    # Containers are vials (toxins) or syringes (fillers); ``amount_per_container`` is in
    # ``unit``: 100 for a 100 U vial, 1.0 for a 1 mL syringe.
    containers_received = models.PositiveIntegerField()
    containers_left = models.PositiveIntegerField()
    amount_per_container = models.DecimalField(max_digits=12, decimal_places=3)
    raw_scan = models.TextField(blank=True)
    received_at = models.DateTimeField()
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(fields=["clinic", "lot_number"], name="lot_recall"),
            models.Index(fields=["clinic", "product", "expiry"], name="lot_stock_by_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.product} lot {self.lot_number} (exp {self.expiry:%Y-%m-%d})"


class Carton(models.Model):
    """One serialised carton scanned into a lot (AI 21); a serial is received only once."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, related_name="cartons")
    gtin = models.CharField(max_length=14)
    serial = models.CharField(max_length=20)
    received_at = models.DateTimeField()

    class Meta:
        constraints = [
            # Scanning the same carton twice is a mistake, not a second delivery.
            models.UniqueConstraint(
                fields=["clinic", "gtin", "serial"], name="carton_serial_once_per_clinic"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gtin} serial {self.serial}"


class Vial(models.Model):
    """A toxin vial taken from a lot and reconstituted; serves patients until empty or expired."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    lot = models.ForeignKey(Lot, on_delete=models.PROTECT, related_name="vials")
    units_total = models.DecimalField(max_digits=12, decimal_places=3)
    units_left = models.DecimalField(max_digits=12, decimal_places=3)
    diluent_ml = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    units_per_0_1ml = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    concentration_source = models.CharField(max_length=200, blank=True)
    reconstituted_at = models.DateTimeField()
    # None when the knowledge base does not give an in-use time; ``beyond_use_note`` says why.
    beyond_use_at = models.DateTimeField(null=True, blank=True)
    beyond_use_note = models.CharField(max_length=300, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    discarded_at = models.DateTimeField(null=True, blank=True)
    discarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["clinic", "discarded_at"], name="vial_open")]

    def __str__(self) -> str:
        return f"Vial {self.pk} of {self.lot}"


class StockMovement(models.Model):
    """One signed change of stock; append-only, written only by inventory actions."""

    RECEIVE = "receive"
    OPEN = "open"
    ADMINISTER = "administer"
    WASTE = "waste"
    ADJUST = "adjust"
    KIND_CHOICES = [
        (RECEIVE, "Received"),
        (OPEN, "Vial opened"),
        (ADMINISTER, "Administered"),
        (WASTE, "Discarded (waste)"),
        (ADJUST, "Adjusted"),
    ]

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    lot = models.ForeignKey(Lot, on_delete=models.PROTECT, related_name="movements")
    vial = models.ForeignKey(
        Vial, null=True, blank=True, on_delete=models.PROTECT, related_name="movements"
    )
    kind = models.CharField(max_length=12, choices=KIND_CHOICES)
    # Signed, in the lot's unit: receive +, administer and waste -, open 0 (stock moves
    # from a sealed container into a vial), adjust either way.
    amount = models.DecimalField(max_digits=12, decimal_places=3)
    containers = models.IntegerField(default=0)
    # The charted line an administer movement comes from (and the filler waste it caused).
    treatment_line = models.ForeignKey(
        "treatments.TreatmentLine",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["clinic", "kind", "at"], name="movement_usage"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount} {self.lot.unit} of {self.lot}"


def qty(value: Decimal | float | int) -> str:
    """An amount without trailing zeros: 10.000 → "10", 2.50 → "2.5"."""
    text = f"{Decimal(str(value)).normalize():f}"
    return text
