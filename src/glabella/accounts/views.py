"""Sign in, sign out and choose the current clinic."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from glabella.accounts.middleware import SESSION_KEY
from glabella.accounts.models import Membership, User


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


def safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else resolve_url("home")


@require_POST
@login_required
def switch_clinic(request: HttpRequest) -> HttpResponse:
    """Make another of the user's clinics the current one (kept in the session)."""
    assert isinstance(request.user, User)  # login_required let only users through
    wanted = request.POST.get("clinic", "").strip()
    memberships = Membership.objects.filter(user=request.user)
    membership = memberships.filter(clinic_id=wanted).first() if wanted.isdigit() else None
    if membership is None:
        raise Http404("Not a clinic of yours")
    request.session[SESSION_KEY] = membership.clinic_id
    return HttpResponseRedirect(safe_next(request))
