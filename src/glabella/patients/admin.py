from django.contrib import admin

from glabella.patients.models import MedicalProfile, Patient, PriorTreatment


@admin.register(Patient)
class PatientAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("record_number", "family_name", "given_name", "birth_date", "clinic")
    list_filter = ("clinic",)
    search_fields = ("family_key", "given_key")
    readonly_fields = ("record_number", "family_key", "given_key")


@admin.register(MedicalProfile)
class MedicalProfileAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Snapshots are never edited: the admin shows them read-only."""

    list_display = ("patient", "recorded_at", "recorded_by")

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(PriorTreatment)
class PriorTreatmentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("patient", "date", "product", "indication", "units", "volume_ml", "source")
    list_filter = ("source",)
