"""``glabella knowledge list|show|validate`` run in-process."""

import json
from pathlib import Path

import pytest

from glabella.cli.main import main


def test_list_prints_products_with_their_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["knowledge", "list", "products"]) == 0
    out = capsys.readouterr().out
    assert "botox_cosmetic" in out and "onabotulinumtoxinA" in out


def test_list_as_json_holds_every_template(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["knowledge", "list", "templates", "--format", "json"]) == 0
    ids = {t["id"] for t in json.loads(capsys.readouterr().out)}
    assert {"glabellar_5_point", "preempt_31", "platysma"} <= ids


def test_show_prints_one_record_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["knowledge", "show", "bellafill", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["skin_test"]["required"] is True


def test_show_an_unknown_id_exits_2_naming_close_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["knowledge", "show", "botx"]) == 2
    assert "botox" in capsys.readouterr().err


def test_validate_accepts_the_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["knowledge", "validate"]) == 0
    assert "valid" in capsys.readouterr().out


def test_validate_rejects_a_loosening_policy_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("clinic: Lax\nproducts:\n  botox_cosmetic: {in_use_hours: 48}\n")
    assert main(["knowledge", "validate", str(path)]) == 2
    assert "botox_cosmetic.in_use_hours: 48 would loosen" in capsys.readouterr().err


def test_validate_accepts_a_tightening_policy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("clinic: Careful\nproducts:\n  botox_cosmetic: {in_use_hours: 4}\n")
    assert main(["knowledge", "validate", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["policy"] == "Careful"
