"""``{% session_followup session %}``: the follow-up panel of a signed session's page.

An inclusion tag keeps the treatments app free of follow-up imports: the signed-session
page only loads this library and calls the tag. Two indexed queries (the review visit
with its clinician, the aftercare message), whatever the session holds.
"""

from __future__ import annotations

from typing import Any

from django import template

from glabella.accounts.tenancy import current_clinic
from glabella.followup import queries
from glabella.treatments.models import Session

register = template.Library()


@register.inclusion_tag("followup/_session_followup.html", takes_context=True)
def session_followup(context: template.Context, session: Session) -> dict[str, Any]:
    request = context.get("request")
    # Drafts have no follow-up yet: the sign hook creates both rows.
    if request is None or not session.is_signed:
        return {"shown": False}
    clinic = current_clinic(request)
    return {
        "shown": True,
        "session": session,
        "patient_id": session.patient_id,
        "review": queries.review_of_session(clinic, session.pk),
        "aftercare": queries.aftercare_of_session(clinic, session.pk),
        "clinic_tz": clinic.timezone or "UTC",
        # Confirming from the panel comes back to this page rather than the appointment.
        "back": request.get_full_path(),
    }
