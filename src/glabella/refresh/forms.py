from __future__ import annotations

from django import forms


class DueFilterForm(forms.Form):
    weeks = forms.IntegerField(min_value=1, max_value=104, initial=4, required=False)
    after = forms.RegexField(regex=r"^\d{4}-\d{2}-\d{2}\.\d{1,19}$", required=False)


class WearOffForm(forms.Form):
    indication = forms.CharField(max_length=60)
    reported_on = forms.DateField()
