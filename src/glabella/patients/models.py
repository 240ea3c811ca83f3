"""Patients, their dated medical profile snapshots and their earlier treatments.

Every table carries ``clinic`` so each query can filter by tenant directly and a
distributed PostgreSQL (Citus) can shard every table by the same key.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

SEX_CHOICES = [("female", "Female"), ("male", "Male"), ("other", "Other")]
SOURCE_CHOICES = [("external", "External record"), ("demo", "Demo data"), ("import", "Import")]


class PatientCounter(models.Model):
    """The last record number handed out in a clinic; its row lock serialises allocation."""

    clinic = models.OneToOneField(
        "accounts.Clinic", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Clinic {self.clinic_id}: last record number {self.last_number}"


class Patient(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    record_number = models.PositiveIntegerField()
    family_name = models.CharField(max_length=100)
    given_name = models.CharField(max_length=100)
    # Normalised copies (lower case, accents and punctuation removed, only a-z0-9) so a
    # prefix search is a plain range scan on one index, whatever the database collation.
    family_key = models.CharField(max_length=100, editable=False)
    given_key = models.CharField(max_length=100, editable=False)
    birth_date = models.DateField()
    sex = models.CharField(max_length=10, choices=SEX_CHOICES)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email_opt_out = models.BooleanField(default=False)
    sms_opt_out = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "record_number"], name="patient_record_number_per_clinic"
            )
        ]
        indexes = [
            models.Index(
                fields=["clinic", "family_key", "given_key", "id"], name="patient_family_search"
            ),
            models.Index(
                fields=["clinic", "given_key", "family_key", "id"], name="patient_given_search"
            ),
            models.Index(fields=["clinic", "birth_date"], name="patient_birth_date"),
        ]

    def __str__(self) -> str:
        return f"{self.family_name}, {self.given_name} (#{self.record_number})"

    @property
    def display_name(self) -> str:
        return f"{self.family_name.upper()}, {self.given_name}"


class MedicalProfile(models.Model):
    """A dated snapshot of what the rule engine needs; rows are inserted, never updated."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="profiles")
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    pregnant = models.BooleanField(default=False)
    breastfeeding = models.BooleanField(default=False)
    weight_kg = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    conditions = models.JSONField(default=list)
    allergies = models.JSONField(default=list)
    medications = models.JSONField(default=list)
    infection_sites = models.JSONField(default=list)
    skin_tests = models.JSONField(default=list)
    notes = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["patient", "-recorded_at", "-id"], name="profile_latest")]

    def __str__(self) -> str:
        return f"Profile of patient {self.patient_id} at {self.recorded_at:%Y-%m-%d %H:%M}"


class PriorTreatment(models.Model):
    """An administration given before or outside Glabella's charting, in the engine's shape."""

    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="prior_treatments")
    date = models.DateField()
    product = models.CharField(max_length=60)
    indication = models.CharField(max_length=60)
    units = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    volume_ml = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    injector = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=20, choices=SOURCE_CHOICES, default="external")
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            # Exactly one amount: toxins in units, fillers in mL, never both.
            models.CheckConstraint(
                condition=(Q(units__gt=0) & Q(volume_ml__isnull=True))
                | (Q(units__isnull=True) & Q(volume_ml__gt=0)),
                name="prior_treatment_one_amount",
            )
        ]
        indexes = [models.Index(fields=["patient", "-date"], name="prior_treatment_by_date")]

    def __str__(self) -> str:
        return f"{self.date} {self.product} {self.indication}"
