from __future__ import annotations

import pytest
from django.http import Http404
from django.test import RequestFactory

from glabella.accounts.models import Clinic
from glabella.accounts.tenancy import get_scoped_or_404, scoped
from glabella.audit.models import AuditEvent


def request_in(clinic: Clinic | None) -> object:
    request = RequestFactory().get("/")
    request.clinic = clinic  # type: ignore[attr-defined]
    return request


def event_in(clinic: Clinic) -> AuditEvent:
    return AuditEvent.objects.create(clinic=clinic, action="read", object_type="x.y")


def test_scoped_keeps_only_the_request_clinic(clinic_a: Clinic, clinic_b: Clinic) -> None:
    mine, _ = event_in(clinic_a), event_in(clinic_b)
    rows = scoped(AuditEvent.objects.all(), request_in(clinic_a))  # type: ignore[arg-type]
    assert list(rows) == [mine]


def test_get_scoped_or_404_finds_an_object_of_the_clinic(clinic_a: Clinic) -> None:
    mine = event_in(clinic_a)
    assert get_scoped_or_404(AuditEvent, request_in(clinic_a), pk=mine.pk) == mine  # type: ignore[arg-type]


def test_get_scoped_or_404_hides_another_clinics_object(clinic_a: Clinic, clinic_b: Clinic) -> None:
    theirs = event_in(clinic_b)
    with pytest.raises(Http404):
        get_scoped_or_404(AuditEvent, request_in(clinic_a), pk=theirs.pk)  # type: ignore[arg-type]


def test_get_scoped_or_404_treats_a_malformed_id_as_missing(clinic_a: Clinic) -> None:
    with pytest.raises(Http404):
        get_scoped_or_404(AuditEvent, request_in(clinic_a), pk="abc")  # type: ignore[arg-type]


def test_without_a_clinic_everything_is_missing(db: None) -> None:
    with pytest.raises(Http404):
        scoped(AuditEvent.objects.all(), request_in(None))  # type: ignore[arg-type]
