"""HTML forms for patients. They only shape the input; the actions do the checking.

So the web and the API reject the same values with the same messages, a form passes
strings through and :func:`add_domain_error` puts the action's message on the field.
"""

from __future__ import annotations

from typing import Any

from django import forms

from glabella.errors import DomainError
from glabella.patients import vocabulary
from glabella.patients.actions import SKIN_TEST_RESULTS
from glabella.patients.models import SEX_CHOICES, SOURCE_CHOICES

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


class IdsField(forms.MultipleChoiceField):
    """Offers the known ids; an unknown one is reported by the action, naming the allowed ids."""

    def valid_value(self, value: Any) -> bool:
        return True


class IdField(forms.ChoiceField):
    """One id from the offered ones; an unknown one is reported by the action."""

    def valid_value(self, value: Any) -> bool:
        return True


class PatientForm(forms.Form):
    family_name = forms.CharField(max_length=100, required=False)
    given_name = forms.CharField(max_length=100, required=False)
    birth_date = forms.CharField(required=False, widget=DATE_WIDGET, help_text="YYYY-MM-DD")
    sex = forms.ChoiceField(choices=[("", "—"), *SEX_CHOICES], required=False)
    email = forms.CharField(max_length=254, required=False)
    phone = forms.CharField(max_length=30, required=False)
    email_opt_out = forms.BooleanField(required=False, label="No email")
    sms_opt_out = forms.BooleanField(required=False, label="No text messages")


class ProfileForm(forms.Form):
    pregnant = forms.BooleanField(required=False)
    breastfeeding = forms.BooleanField(required=False)
    weight_kg = forms.CharField(required=False, label="Weight (kg)")
    conditions = IdsField(required=False, widget=forms.CheckboxSelectMultiple)
    allergies = IdsField(required=False, widget=forms.CheckboxSelectMultiple)
    medications = IdsField(required=False, widget=forms.CheckboxSelectMultiple)
    infection_sites = IdsField(required=False, label="Active infection at")
    skin_tests = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"One per line: product, YYYY-MM-DD, {' or '.join(SKIN_TEST_RESULTS)}",
    )
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = {
            "conditions": vocabulary.conditions(),
            "allergies": vocabulary.allergies(),
            "medications": vocabulary.medications(),
            "infection_sites": vocabulary.infection_targets(),
        }
        for field, labels in choices.items():
            self.fields[field].choices = list(labels.items())  # type: ignore[attr-defined]

    def clean_skin_tests(self) -> list[dict[str, str]]:
        tests = []
        for number, line in enumerate(self.cleaned_data["skin_tests"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(",")]
            if len(parts) != 3:
                raise forms.ValidationError(
                    f"skin_tests: line {number} has {len(parts)} parts; "
                    f"write product, YYYY-MM-DD, {' or '.join(SKIN_TEST_RESULTS)}"
                )
            tests.append(dict(zip(("product", "date", "result"), parts, strict=True)))
        return tests


class PriorTreatmentForm(forms.Form):
    date = forms.CharField(required=False, widget=DATE_WIDGET, help_text="YYYY-MM-DD")
    product = IdField(required=False)
    indication = IdField(required=False)
    units = forms.CharField(required=False, help_text="Toxins")
    volume_ml = forms.CharField(required=False, label="Volume (mL)", help_text="Fillers")
    source = forms.ChoiceField(choices=SOURCE_CHOICES, initial="external")
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        blank = [("", "—")]
        self.fields["product"].choices = blank + list(vocabulary.products().items())  # type: ignore[attr-defined]
        self.fields["indication"].choices = blank + list(vocabulary.indications().items())  # type: ignore[attr-defined]


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Put an action's error on the form field it names (``skin_tests.0.date`` → skin_tests)."""
    field = (error.field or "").split(".")[0]
    form.add_error(field if field in form.fields else None, error.message)
