from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from glabella.accounts.models import Clinic
from glabella.audit.models import AuditEvent

pytestmark = pytest.mark.postgres


def event(clinic: Clinic) -> AuditEvent:
    return AuditEvent.objects.create(clinic=clinic, action="read", object_type="x.y")


def run_sql(sql: str, row: AuditEvent) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [row.pk])


def test_postgres_refuses_update(clinic_a: Clinic) -> None:
    row = event(clinic_a)
    with pytest.raises(DatabaseError, match="append-only"):
        run_sql("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", row)
    assert AuditEvent.objects.get(pk=row.pk).action == "read"


def test_postgres_refuses_delete(clinic_a: Clinic) -> None:
    row = event(clinic_a)
    with pytest.raises(DatabaseError, match="append-only"):
        run_sql("DELETE FROM audit_auditevent WHERE id = %s", row)
    assert AuditEvent.objects.filter(pk=row.pk).exists()


def test_postgres_refuses_an_orm_update_too(clinic_a: Clinic) -> None:
    row = event(clinic_a)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=row.pk).update(object_id="42")
