"""HTML pages for appointments, calendar feeds, the outbox and printable aftercare."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from glabella.accounts.models import User
from glabella.accounts.permissions import clinic_required, require_role
from glabella.accounts.roles import Role
from glabella.accounts.tenancy import current_clinic, get_scoped_or_404
from glabella.audit.actions import CREATE, READ, UPDATE, record
from glabella.errors import DomainError
from glabella.followup import actions, ics, outbox, queries
from glabella.followup.forms import BookForm, SettingsForm, SlotForm, add_domain_error
from glabella.followup.models import Appointment, FollowupSettings, Message
from glabella.followup.sessions import sheet_for
from glabella.patients import queries as patient_queries
from glabella.patients.models import Patient
from glabella.treatments.models import Session

ICS_TYPE = "text/calendar; charset=utf-8"
SEARCH = "search"
PATIENT_RESULTS = 50


def in_clinic_time(request: HttpRequest) -> timezone.override:
    """Form times are the clinic's wall-clock time."""
    return timezone.override(ZoneInfo(current_clinic(request).timezone or "UTC"))


def load_appointment(request: HttpRequest, appointment_id: int) -> Appointment:
    appointment = get_scoped_or_404(
        Appointment.objects.select_related("patient", "clinician", "clinic"),
        request,
        pk=appointment_id,
    )
    if request.method == "GET":
        record(request, READ, appointment)
    return appointment


def acting_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@clinic_required
@require_GET
def appointment_list(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    with in_clinic_time(request):
        start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    appointments = list(queries.upcoming(clinic, start))
    record(request, READ, object_type="followup.appointment")
    return render(request, "followup/appointment_list.html", {"appointments": appointments})


def booking_patient(request: HttpRequest) -> Patient | None:
    """The patient named by ``?patient=`` in the URL, of the request's clinic (404 otherwise)."""
    patient_id = request.GET.get("patient", "")
    if not patient_id:
        return None
    return get_scoped_or_404(Patient, request, pk=patient_id)


def patient_matches(request: HttpRequest, q: str) -> list[Patient]:
    """At most 50 patients through the indexed search; nothing until something is typed."""
    if not q.strip():
        return []
    found = patient_queries.search(current_clinic(request), q)[:PATIENT_RESULTS]
    # The results name patients: searching is audited like the patient list.
    record(request, SEARCH, object_type="patients.patient")
    return found


@clinic_required
def book(request: HttpRequest) -> HttpResponse:
    """Book for the patient in ``?patient=``; without one, find the patient first."""
    clinic = current_clinic(request)
    patient = booking_patient(request)
    if patient is None:
        q = request.GET.get("q", "")
        context = {"q": q, "patients": patient_matches(request, q)}
        status = 400 if request.method == "POST" else 200
        return render(request, "followup/book_choose.html", context, status=status)
    if request.method == "GET":
        record(request, READ, patient)
    initial = {key: value for key, value in request.GET.items() if key in BookForm.base_fields}
    with in_clinic_time(request):
        form = BookForm(clinic, request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            starts, ends = form.slot()
            try:
                with transaction.atomic():
                    appointment = actions.book_appointment(
                        clinic,
                        patient=patient,
                        clinician=form.cleaned_data["clinician"],
                        starts_at=starts,
                        ends_at=ends,
                        kind=form.cleaned_data["kind"],
                        notes=form.cleaned_data["notes"],
                    )
                    record(request, CREATE, appointment)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                return redirect("followup:detail", appointment_id=appointment.pk)
        return render(request, "followup/book.html", {"form": form, "patient": patient})


@clinic_required
@require_GET
def patient_search(request: HttpRequest) -> HttpResponse:
    """The patient search of the booking pages (an HTMX partial): each result books."""
    q = request.GET.get("q", "")
    context = {"q": q, "patients": patient_matches(request, q)}
    return render(request, "followup/_patient_results.html", context)


@clinic_required
def detail(request: HttpRequest, appointment_id: int) -> HttpResponse:
    """The appointment, with the reschedule form (POST here reschedules)."""
    appointment = load_appointment(request, appointment_id)
    with in_clinic_time(request):
        initial = {
            "clinician": appointment.clinician_id,
            "starts_at": timezone.localtime(appointment.starts_at),
            "minutes": int((appointment.ends_at - appointment.starts_at).total_seconds() // 60),
        }
        form = SlotForm(appointment.clinic, request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            starts, ends = form.slot()
            try:
                with transaction.atomic():
                    actions.reschedule_appointment(
                        appointment,
                        starts_at=starts,
                        ends_at=ends,
                        clinician=form.cleaned_data["clinician"],
                    )
                    record(request, UPDATE, appointment)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, "Appointment moved.")
                return redirect("followup:detail", appointment_id=appointment.pk)
        context = {"appointment": appointment, "form": form}
        return render(request, "followup/detail.html", context)


@clinic_required
@require_POST
def cancel(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = load_appointment(request, appointment_id)
    return change(request, appointment, actions.cancel_appointment, "Appointment cancelled.")


@clinic_required
@require_POST
def confirm(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = load_appointment(request, appointment_id)
    return change(request, appointment, actions.confirm_proposed_review, "Appointment booked.")


def change(
    request: HttpRequest, appointment: Appointment, action: object, done: str
) -> HttpResponse:
    assert callable(action)
    try:
        with transaction.atomic():
            action(appointment)
            record(request, UPDATE, appointment)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    back = request.POST.get("next", "")
    # The panel on the session page posts here and wants to come back to that page.
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("followup:detail", appointment_id=appointment.pk)


@clinic_required
@require_GET
def appointment_ics(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = load_appointment(request, appointment_id)
    response = HttpResponse(ics.appointment_ics(appointment), content_type=ICS_TYPE)
    response["Content-Disposition"] = f'attachment; filename="appointment-{appointment.pk}.ics"'
    return response


@clinic_required
def my_feed(request: HttpRequest) -> HttpResponse:
    """The signed-in clinician's private feed: POST creates or rotates its secret URL."""
    clinic = current_clinic(request)
    url = None
    if request.method == "POST":
        with transaction.atomic():
            token = actions.rotate_feed(clinic, acting_user(request))
            record(request, UPDATE, object_type="followup.calendarfeed")
        url = request.build_absolute_uri(reverse("followup:feed", kwargs={"token": token}))
    has_feed = acting_user(request).calendar_feeds.filter(clinic=clinic).exists()
    return render(request, "followup/feed.html", {"url": url, "has_feed": has_feed})


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself: no session, the token in the URL is the credential."""
    found = queries.feed_for_token(token)
    if found is None:
        raise Http404("Not found")
    name = f"{found.clinic.name} · {found.clinician.get_full_name() or found.clinician.username}"
    body = ics.feed_ics(name, queries.feed_appointments(found, timezone.now()))
    response = HttpResponse(body, content_type=ICS_TYPE)
    response["Cache-Control"] = "private, max-age=300"
    return response


@clinic_required
@require_GET
def outbox_page(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    state = request.GET.get("state") or None
    items = list(queries.outbox(clinic, state))
    record(request, READ, object_type="followup.message")
    context = {"items": items, "state": state, "failed": queries.failed_count(clinic)}
    return render(request, "followup/outbox.html", context)


@clinic_required
@require_POST
def retry(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_scoped_or_404(Message, request, pk=message_id)
    try:
        with transaction.atomic():
            outbox.retry_message(message)
            record(request, UPDATE, message)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The message is queued again.")
    return redirect("followup:outbox")


@clinic_required
@require_GET
def aftercare(request: HttpRequest, session_id: int) -> HttpResponse:
    """The printable aftercare sheet of a signed session (also for patients without email)."""
    session = get_scoped_or_404(
        Session.objects.select_related("patient", "clinic").prefetch_related("lines__points"),
        request,
        pk=session_id,
    )
    if not session.is_signed:
        raise Http404("Not signed")
    record(request, READ, session)
    context = {"session": session, "patient": session.patient, "sheet": sheet_for(session)}
    return render(request, "followup/aftercare_print.html", context)


@require_role(Role.ADMIN)
def clinic_settings(request: HttpRequest) -> HttpResponse:
    """Quiet hours and the reminder lead of the current clinic (clinic admins only)."""
    clinic = current_clinic(request)
    current = FollowupSettings.objects.filter(clinic=clinic).first()
    form = SettingsForm(request.POST or None, instance=current or FollowupSettings(clinic=clinic))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            record(request, UPDATE, saved)
        messages.success(request, "Follow-up settings saved.")
        return redirect("followup:settings")
    return render(request, "followup/settings.html", {"form": form})
