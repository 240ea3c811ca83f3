"""HTML pages for patients: thin wrappers around queries, forms and actions."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from glabella.accounts.permissions import clinic_required, require_role
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import CREATE, READ, UPDATE, record
from glabella.errors import DomainError
from glabella.patients import actions, queries
from glabella.patients.forms import (
    PatientForm,
    PriorTreatmentForm,
    ProfileForm,
    add_domain_error,
)
from glabella.patients.models import Patient
from glabella.patients.permissions import CLINICAL_DATA_ROLES, acting_user, sees_clinical_data

SEARCH = "search"


def load_patient(request: HttpRequest, patient_id: int) -> Patient:
    """The patient of the request's clinic (404 otherwise); showing it is an audited read."""
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    if request.method == "GET":
        record(request, READ, patient)
    return patient


@clinic_required
def patient_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    patients = queries.search(current_clinic(request), q)
    record(request, SEARCH, object_type="patients.patient")
    template = (
        "patients/_results.html" if request.headers.get("HX-Request") else "patients/list.html"
    )
    return render(request, template, {"patients": patients, "q": q})


@clinic_required
def register(request: HttpRequest) -> HttpResponse:
    form = PatientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            patient = actions.register_patient(current_clinic(request), **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            record(request, CREATE, patient)
            return redirect("patients:detail", patient_id=patient.pk)
    return render(request, "patients/register.html", {"form": form})


@clinic_required
def detail(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = load_patient(request, patient_id)
    context: dict[str, object] = {"patient": patient, "clinical": sees_clinical_data(request)}
    if context["clinical"]:
        context["profiles"] = list(queries.profiles_of(patient))
        context["prior_treatments"] = list(queries.prior_treatments_of(patient))
    return render(request, "patients/detail.html", context)


@clinic_required
def edit(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = load_patient(request, patient_id)
    form = PatientForm(request.POST or None, initial=demographics(patient))
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_patient(patient, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            record(request, UPDATE, patient)
            return redirect("patients:detail", patient_id=patient.pk)
    return render(request, "patients/edit.html", {"form": form, "patient": patient})


def demographics(patient: Patient) -> dict[str, object]:
    fields = PatientForm.base_fields
    values = {name: getattr(patient, name) for name in fields}
    values["birth_date"] = patient.birth_date.isoformat()
    return values


@require_role(*CLINICAL_DATA_ROLES)
def new_profile(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = load_patient(request, patient_id)
    latest = queries.latest_profile(patient)
    form = ProfileForm(request.POST or None, initial=profile_initial(latest))
    if request.method == "POST" and form.is_valid():
        try:
            profile = actions.record_profile(
                patient, recorded_by=acting_user(request), **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            record(request, CREATE, profile)
            return redirect("patients:detail", patient_id=patient.pk)
    return render(request, "patients/profile_form.html", {"form": form, "patient": patient})


def profile_initial(profile: object) -> dict[str, object]:
    """Start a new snapshot from the latest one, so only changes need typing."""
    if profile is None:
        return {}
    names = ("pregnant", "breastfeeding", "weight_kg", "conditions", "allergies")
    values = {name: getattr(profile, name) for name in (*names, "medications", "infection_sites")}
    values["skin_tests"] = "\n".join(
        f"{t['product']}, {t['date']}, {t['result']}" for t in getattr(profile, "skin_tests", [])
    )
    return values


@require_role(*CLINICAL_DATA_ROLES)
def new_prior_treatment(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = load_patient(request, patient_id)
    form = PriorTreatmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            treatment = actions.record_prior_treatment(
                patient,
                created_by=acting_user(request),
                **form.cleaned_data,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            record(request, CREATE, treatment)
            return redirect("patients:detail", patient_id=patient.pk)
    return render(request, "patients/prior_treatment_form.html", {"form": form, "patient": patient})
