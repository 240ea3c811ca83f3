"""``glabella due`` and ``glabella forecast recompute``."""

from __future__ import annotations

import argparse
import csv
import io
import json

import pytest

from glabella.accounts.models import Clinic
from glabella.cli.due import parse_period
from glabella.cli.main import main
from glabella.patients.models import Patient, PriorTreatment
from glabella.refresh.models import RefreshForecast

from .conftest import days_ago, treat


@pytest.mark.parametrize(("text", "days"), [("30d", 30), ("4w", 28), ("10", 10), (" 2W ", 14)])
def test_periods_read_as_days_or_weeks(text: str, days: int) -> None:
    assert parse_period(text) == days


@pytest.mark.parametrize("text", ["", "30x", "-3d", "0d", "1000w", "month"])
def test_a_bad_period_is_explained(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_period(text)


def test_json_lists_the_due_patients(patient: Patient, capsys: pytest.CaptureFixture[str]) -> None:
    treat(patient, days_ago(100))
    assert main(["due", "--within", "30d", "--format", "json", "--clinic", "clinic-a"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["patient"], row["predicted_on"]) == ("SMITH, Anna", days_ago(-5).isoformat())


def test_csv_has_a_header_and_one_row_per_forecast(
    patient: Patient, capsys: pytest.CaptureFixture[str]
) -> None:
    treat(patient, days_ago(100))
    assert main(["due", "--within", "4w", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["record_number"] for r in rows] == [str(patient.record_number)]


def test_the_table_names_the_patient(patient: Patient, capsys: pytest.CaptureFixture[str]) -> None:
    treat(patient, days_ago(100))
    assert main(["due"]) == 0
    assert "SMITH, Anna" in capsys.readouterr().out


def test_several_clinics_need_a_slug(
    clinic_a: Clinic, clinic_b: Clinic, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["due"]) == 2
    assert "--clinic" in capsys.readouterr().err


def test_an_unknown_clinic_is_an_error(
    clinic_a: Clinic, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["due", "--clinic", "nope"]) == 2
    assert "nope" in capsys.readouterr().err


def test_a_bad_period_exits_with_usage(
    clinic_a: Clinic, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["due", "--within", "soon"])
    assert exited.value.code == 2
    assert "30d or 4w" in capsys.readouterr().err


def test_recompute_rebuilds_forecasts_after_a_bulk_load(
    patient: Patient, capsys: pytest.CaptureFixture[str]
) -> None:
    PriorTreatment.objects.bulk_create(
        [
            PriorTreatment(
                clinic_id=patient.clinic_id,
                patient=patient,
                date=days_ago(30),
                product="botox_cosmetic",
                indication="glabellar_lines",
                units=20,
            )
        ]
    )
    assert not RefreshForecast.objects.exists()
    assert main(["forecast", "recompute", "--clinic", "clinic-a"]) == 0
    assert RefreshForecast.objects.get(patient=patient).last_treated_on == days_ago(30)
    assert "1 forecasts stored" in capsys.readouterr().out
