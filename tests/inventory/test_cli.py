from __future__ import annotations

import json

import pytest

from glabella.accounts.models import Clinic, User
from glabella.audit.models import AuditEvent
from glabella.cli.main import main
from glabella.inventory.models import Lot

from .helpers import BOTOX_GTIN, chart_and_sign, open_vial, patient, receive_botox, toxin_line

pytestmark = pytest.mark.django_db


def test_stock_receive_reads_the_element_string(
    clinic_a: Clinic, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "stock",
            "receive",
            "--gs1",
            f"(01){BOTOX_GTIN}(17)301231(10)CLI1",
            "--clinic",
            "clinic-a",
            "--product",
            "botox_cosmetic",
            "--amount",
            "100",
            "--containers",
            "2",
        ]
    )
    assert code == 0
    assert "lot CLI1" in capsys.readouterr().out
    assert Lot.objects.get(clinic=clinic_a).containers_left == 2


def test_stock_receive_explains_a_refusal(
    clinic_a: Clinic, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stock", "receive", "--gs1", "0112345", "--clinic", "clinic-a"]) == 2
    assert "AI (01)" in capsys.readouterr().err


def test_stock_list_shows_lots(
    clinic_a: Clinic, injector: User, capsys: pytest.CaptureFixture[str]
) -> None:
    receive_botox(clinic_a, injector, lot="LIST1")
    assert main(["stock", "list", "--clinic", "clinic-a"]) == 0
    assert "LIST1" in capsys.readouterr().out


def test_recall_prints_json_and_csv_and_is_audited(
    clinic_a: Clinic, injector: User, capsys: pytest.CaptureFixture[str]
) -> None:
    vial = open_vial(clinic_a, injector, receive_botox(clinic_a, injector, lot="R1"))
    p = patient(clinic_a, "Recalled")
    chart_and_sign(p, injector, [toxin_line(vial, [4])])
    assert main(["recall", "R1", "--clinic", "clinic-a", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [row["patient_name"] for row in data["patients"]] == ["Recalled, Jo"]
    assert main(["recall", "R1", "--clinic", "clinic-a", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("record_number,patient_name") and "Recalled" in lines[1]
    assert AuditEvent.objects.filter(object_type="inventory.recall", channel="cli").count() == 2
