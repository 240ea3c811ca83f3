from __future__ import annotations

from django import forms

from glabella.audit.queries import AuditFilter


class AuditFilterForm(forms.Form):
    user = forms.CharField(required=False, label="Username")
    action = forms.CharField(required=False)
    object_type = forms.CharField(required=False, label="Object type")
    object_id = forms.CharField(required=False, label="Object id")
    since = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def to_filter(self) -> AuditFilter:
        """The filter for valid input; invalid fields are ignored (and shown as errors)."""
        data = self.cleaned_data if self.is_valid() else {}
        return AuditFilter(
            user=data.get("user", ""),
            action=data.get("action", ""),
            object_type=data.get("object_type", ""),
            object_id=data.get("object_id", ""),
            since=data.get("since"),
            until=data.get("until"),
        )
