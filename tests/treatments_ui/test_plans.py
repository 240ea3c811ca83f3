from __future__ import annotations

from django.test import Client
from django.urls import reverse

from glabella.patients.models import Patient
from glabella.treatments.models import Plan


def test_concerns_become_proposed_lines_that_can_be_edited(
    client_a: Client, patient: Patient
) -> None:
    url = reverse("treatments:new_plan", kwargs={"patient_id": patient.pk})
    response = client_a.post(url, {"concerns": ["frown_lines", "chronic_migraine"]}, follow=True)
    html = response.content.decode()
    assert "Glabellar lines" in html
    assert "Chronic migraine" in html
    plan = Plan.objects.get()
    data = {"lines-count": "2", "lines-1-remove": "1", "notes": "Start with the frown lines."}
    for i, line in enumerate(plan.lines.all()):
        data |= {
            f"lines-{i}-indication": line.indication,
            f"lines-{i}-product": line.product,
            f"lines-{i}-template": line.template,
            f"lines-{i}-planned_units": "20",
        }
    client_a.post(reverse("treatments:plan", kwargs={"plan_id": plan.pk}), data)
    plan.refresh_from_db()
    assert plan.status == "saved"
    assert [line.indication for line in plan.lines.all()] == ["glabellar_lines"]


def test_the_patient_summary_explains_each_line_in_plain_words(
    client_a: Client, patient: Patient
) -> None:
    url = reverse("treatments:new_plan", kwargs={"patient_id": patient.pk})
    client_a.post(url, {"concerns": ["frown_lines"]})
    plan = Plan.objects.get()
    summary = reverse("treatments:plan_summary", kwargs={"plan_id": plan.pk})
    html = client_a.get(summary).content.decode()
    assert "Frown lines between the eyebrows" in html
