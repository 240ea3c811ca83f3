"""Plans, charted sessions, their lines and points, acknowledgements, addenda, co-signatures.

Every row carries ``clinic`` (children copy it from their parent) so one filter scopes
them and the tables can be distributed by clinic. Product, indication, template and site
are knowledge-base ids, validated by the actions, not foreign keys: the knowledge base is
data files, versioned apart from the database.

A signed session never changes: the actions refuse, and on PostgreSQL a trigger
(migration 0003) refuses UPDATE of a signed session's clinical columns and any write to
its lines and points. Corrections are :class:`Addendum` rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

DRAFT = "draft"
SIGNED = "signed"
SESSION_STATUS = [(DRAFT, "Draft"), (SIGNED, "Signed")]
PLAN_STATUS = [(DRAFT, "Draft"), ("saved", "Saved")]

NEEDLE = "needle"
CANNULA = "cannula"
TECHNIQUES = [(NEEDLE, "Needle"), (CANNULA, "Cannula")]
DEPTHS = [
    ("", "Not recorded"),
    ("intradermal", "Intradermal"),
    ("subdermal", "Subdermal"),
    ("subcutaneous", "Subcutaneous"),
    ("intramuscular", "Intramuscular"),
    ("supraperiosteal", "Supraperiosteal"),
]
USER = settings.AUTH_USER_MODEL


class Plan(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="treatment_plans"
    )
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    concerns = models.JSONField(default=list)
    notes = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=PLAN_STATUS, default=DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "patient", "-created_at"])]

    def __str__(self) -> str:
        return f"Plan {self.pk} for patient {self.patient_id}"


class PlanLine(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    concern = models.CharField(max_length=60, blank=True)
    indication = models.CharField(max_length=60)
    product = models.CharField(max_length=60)
    template = models.CharField(max_length=60, blank=True)
    planned_units = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    planned_volume_ml = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.indication}: {self.product}"


class Session(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="treatment_sessions"
    )
    injector = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=SESSION_STATUS, default=DRAFT)
    # Optimistic locking: every save is ``UPDATE ... WHERE version = expected``.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who saved last, so a conflict can say who changed the draft.
    updated_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    knowledge_version = models.CharField(max_length=60, blank=True)
    assessment = models.JSONField(null=True, blank=True)
    plan = models.ForeignKey(
        Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    repeated_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="repeats"
    )

    class Meta:
        indexes = [
            models.Index(fields=["clinic", "patient", "-created_at"]),
            models.Index(fields=["clinic", "status", "signed_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=DRAFT) | Q(signed_at__isnull=False, signed_by__isnull=False),
                name="treatments_signed_session_has_signer",
            )
        ]

    def __str__(self) -> str:
        return f"Session {self.pk} ({self.status})"

    @property
    def is_signed(self) -> bool:
        return self.status == SIGNED


class TreatmentLine(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    product = models.CharField(max_length=60)
    indication = models.CharField(max_length=60)
    template = models.CharField(max_length=60, blank=True)
    lot = models.ForeignKey(
        "inventory.Lot", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vial = models.ForeignKey(
        "inventory.Vial", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diluent_ml = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["position"]
        indexes = [models.Index(fields=["clinic", "indication"])]

    def __str__(self) -> str:
        return f"{self.indication}: {self.product}"


class InjectionPoint(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    line = models.ForeignKey(TreatmentLine, on_delete=models.CASCADE, related_name="points")
    position = models.PositiveIntegerField()
    site = models.CharField(max_length=60)
    units = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    volume_ml = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    depth = models.CharField(max_length=20, choices=DEPTHS, blank=True, default="")
    technique = models.CharField(max_length=10, choices=TECHNIQUES, default=NEEDLE)
    # Diagram position (0-1) when moved; None means the site's default position.
    x = models.FloatField(null=True, blank=True)
    y = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(units__isnull=False, volume_ml__isnull=True, units__gt=0))
                | (Q(units__isnull=True, volume_ml__isnull=False, volume_ml__gt=0)),
                name="treatments_point_units_xor_volume",
            )
        ]

    def __str__(self) -> str:
        return f"{self.site}: {self.amount_text}"

    @property
    def amount_text(self) -> str:
        if self.units is not None:
            return f"{self.units.normalize():f} U"
        assert self.volume_ml is not None
        return f"{self.volume_ml.normalize():f} mL"


class Acknowledgement(models.Model):
    """A warn finding the signer read and accepted, with their written reason."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="acknowledgements")
    code = models.CharField(max_length=40)
    treatment = models.PositiveIntegerField(null=True, blank=True)
    site = models.CharField(max_length=60, blank=True)
    reason = models.TextField()
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.code} acknowledged"


class Addendum(models.Model):
    """A correction to a signed session; the session itself stays as signed."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="addenda")
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField()
    text = models.TextField()
    corrected_points = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"Addendum {self.pk} to session {self.session_id}"


class CoSignature(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="cosignatures")
    physician = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session"], name="treatments_one_cosignature")
        ]

    def __str__(self) -> str:
        return f"Co-signature of session {self.session_id}"
