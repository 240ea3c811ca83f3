"""HTML pages: the due list, the patient's wear-off link, the clinician's wear-off form."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from glabella.accounts.permissions import clinic_required, require_role
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import CREATE, READ, record
from glabella.errors import DomainError
from glabella.knowledge import load_knowledge
from glabella.patients.models import Patient
from glabella.patients.permissions import CLINICAL_DATA_ROLES, acting_user
from glabella.refresh import actions, export, queries
from glabella.refresh.forms import DueFilterForm, WearOffForm
from glabella.refresh.links import InvalidLink, read_token
from glabella.refresh.models import CLINICIAN, PATIENT_LINK

DUE_LIST = "due_list"
LINK = "link"


@clinic_required
def due(request: HttpRequest) -> HttpResponse:
    form = DueFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    weeks = data.get("weeks") or 4
    clinic = current_clinic(request)
    today = timezone.localdate()
    record(request, DUE_LIST, object_type="refresh.refreshforecast")
    if request.GET.get("format") == "csv":
        rows = queries.due_rows(clinic, weeks * 7, today)
        response = HttpResponse(content_type="text/csv")
        response.writelines(export.csv_lines(rows))
        response["Content-Disposition"] = f'attachment; filename="due-{today}-{weeks}w.csv"'
        return response
    page = queries.due_list(clinic, weeks * 7, today, after=data.get("after") or None)
    context = {"form": form, "weeks": weeks, "page": page, "today": today}
    return render(request, "refresh/due.html", context)


def wore_off(request: HttpRequest, token: str) -> HttpResponse:
    """The page a patient opens from a reminder: no login, first name only, one button."""
    try:
        claim = read_token(token)
    except InvalidLink as error:
        status = 410 if error.expired else 404
        return render(
            request, "refresh/link_invalid.html", {"expired": error.expired}, status=status
        )
    patient = Patient.objects.filter(pk=claim.patient_id, clinic_id=claim.clinic_id).first()
    if patient is None:
        return render(request, "refresh/link_invalid.html", {"expired": False}, status=404)
    indication = load_knowledge().indications.get(claim.indication)
    context = {
        "first_name": patient.given_name,
        "indication": indication.name if indication else claim.indication,
        "done": False,
        "error": None,
    }
    if request.method == "POST":
        try:
            with transaction.atomic():
                report = actions.record_wear_off(
                    patient,
                    claim.indication,
                    reported_on=timezone.localdate(),
                    source=PATIENT_LINK,
                    treated_on=claim.treated_on,
                )
                record(request, CREATE, report, channel=LINK, clinic=patient.clinic)
        except DomainError as error:
            context["error"] = error.message
        else:
            context["done"] = True
    else:
        record(request, READ, patient, channel=LINK, clinic=patient.clinic)
    return render(request, "refresh/wore_off.html", context)


@require_POST
@require_role(*CLINICAL_DATA_ROLES)
def clinician_wear_off(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = get_scoped_or_404(Patient, request, pk=patient_id)
    form = WearOffForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                report = actions.record_wear_off(
                    patient,
                    form.cleaned_data["indication"],
                    reported_on=form.cleaned_data["reported_on"],
                    source=CLINICIAN,
                    reported_by=acting_user(request),
                )
                record(request, CREATE, report)
        except DomainError as error:
            return render(
                request,
                "refresh/wear_off_error.html",
                {"patient": patient, "message": error.message},
                status=422,
            )
    else:
        return render(
            request,
            "refresh/wear_off_error.html",
            {"patient": patient, "message": "Choose an area and a date."},
            status=422,
        )
    return redirect("patients:detail", patient_id=patient.pk)
