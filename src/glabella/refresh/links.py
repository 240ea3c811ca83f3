"""The one-click "it has worn off" link a patient opens from a reminder, without logging in.

The token is signed with the site's secret key (``TimestampSigner``), names the patient,
clinic, indication and the treatment date it reports on, and expires after
:data:`LINK_MAX_AGE`. Reminder emails build it with :func:`wear_off_link` and prefix the
site's address; the page is ``/r/wore-off/<token>/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core import signing
from django.urls import reverse

from glabella.patients.models import Patient
from glabella.refresh.models import RefreshForecast

SALT = "glabella.refresh.wear-off"
# Long enough to answer a reminder sent near the forecast date weeks later; short enough
# that an old email does not stay a live write link for good.
LINK_MAX_AGE = timedelta(days=120)


@dataclass(frozen=True, slots=True)
class LinkClaim:
    """What a valid token says."""

    clinic_id: int
    patient_id: int
    indication: str
    treated_on: date | None


class InvalidLink(Exception):
    """The token is malformed, tampered with or expired (``expired`` says which)."""

    def __init__(self, expired: bool) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def wear_off_link(patient: Patient, indication: str) -> str:
    """Path of the wear-off page for the patient's last treatment of ``indication``."""
    return reverse("refresh:wore_off", kwargs={"token": wear_off_token(patient, indication)})


def wear_off_token(patient: Patient, indication: str, treated_on: date | None = None) -> str:
    if treated_on is None:
        treated_on = (
            RefreshForecast.objects.filter(patient=patient, indication=indication)
            .values_list("last_treated_on", flat=True)
            .first()
        )
    payload: dict[str, Any] = {
        "c": patient.clinic_id,
        "p": patient.pk,
        "i": indication,
        "t": treated_on.isoformat() if treated_on else None,
    }
    return signing.TimestampSigner(salt=SALT).sign_object(payload, compress=True)


def read_token(token: str) -> LinkClaim:
    """The claim of a valid token; :class:`InvalidLink` otherwise."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        data = signer.unsign_object(token, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise InvalidLink(expired=True) from exc
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidLink(expired=False) from exc
    try:
        treated = data["t"]
        return LinkClaim(
            clinic_id=int(data["c"]),
            patient_id=int(data["p"]),
            indication=str(data["i"]),
            treated_on=date.fromisoformat(treated) if treated else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidLink(expired=False) from exc
