"""Forms for booking and rescheduling; times are typed in the clinic's local time."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import available_timezones

from django import forms

from glabella.accounts.models import Clinic, User
from glabella.accounts.roles import CLINICAL_ROLES
from glabella.errors import DomainError
from glabella.followup.models import AppointmentKind, FollowupSettings

LOCAL_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def clinicians_of(clinic: Clinic) -> Any:
    roles = [role.value for role in CLINICAL_ROLES]
    return User.objects.filter(
        memberships__clinic=clinic, memberships__role__in=roles, is_active=True
    ).order_by("last_name", "first_name", "pk")


class ClinicianChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.username)


class SlotForm(forms.Form):
    clinician = ClinicianChoice(queryset=User.objects.none())
    starts_at = forms.DateTimeField(label="Starts", widget=LOCAL_INPUT)
    minutes = forms.IntegerField(label="Length (minutes)", min_value=5, max_value=480, initial=30)

    def __init__(self, clinic: Clinic, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["clinician"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = clinicians_of(clinic)

    def slot(self) -> tuple[datetime, datetime]:
        starts: datetime = self.cleaned_data["starts_at"]
        return starts, starts + timedelta(minutes=self.cleaned_data["minutes"])


class BookForm(SlotForm):
    """The patient is not a field: it comes from the URL, so no form lists the clinic's patients."""

    kind = forms.ChoiceField(choices=AppointmentKind.choices)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["kind", "clinician", "starts_at", "minutes", "notes"]


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    field = {"ends_at": "minutes"}.get(error.field or "", error.field or "")
    form.add_error(field if field in form.fields else None, error.message)


class SettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = FollowupSettings
        fields = ["quiet_start", "quiet_end", "timezone", "reminder_lead_hours"]
        widgets = {
            "quiet_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {
            "quiet_start": "No messages from this local time…",
            "quiet_end": "…until this one (may be the next morning). Leave both empty for none.",
            "timezone": "Empty means the clinic's timezone.",
        }

    def clean_timezone(self) -> str:
        name: str = self.cleaned_data["timezone"].strip()
        if name and name not in available_timezones():
            raise forms.ValidationError("Unknown timezone; use a name such as Europe/Paris.")
        return name
