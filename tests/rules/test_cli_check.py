"""``glabella check``: in process and as the installed console script."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from glabella.cli.main import main

from .builders import glabellar, proposal

SCRIPT = Path(sys.executable).parent / "glabella"


def test_it_prints_the_assessment_of_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "proposal.json"
    path.write_text(json.dumps(proposal(glabellar(), pregnant=True)))
    assert main(["check", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["verdict"] == "block"


def test_it_reads_standard_input_for_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(proposal(glabellar()))))
    assert main(["check", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "ok"


def test_it_exits_2_with_the_error_on_standard_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.StringIO(json.dumps(proposal(glabellar("botox_cosmetik"))))
    )
    assert main(["check"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    error = json.loads(captured.err)["error"]
    assert error["field"] == "$.treatments[0].product"
    assert "botox_cosmetic" in error["message"]


def test_it_exits_2_for_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "absent.json")]) == 2
    assert json.loads(capsys.readouterr().err)["error"]["field"] == "$"


def run_script(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "check", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


def test_the_console_script_assesses_standard_input() -> None:
    done = run_script(stdin=json.dumps(proposal(glabellar(), medications=["aminoglycoside"])))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["verdict"] == "warn"


def test_the_console_script_exits_2_for_an_invalid_proposal() -> None:
    done = run_script("-", stdin='{"at": "2026-11-28"}')
    assert done.returncode == 2
    assert json.loads(done.stderr)["error"]["field"] == "$.patient"


def test_the_console_script_does_not_load_django() -> None:
    code = (
        "import sys, io, json; from glabella.cli.main import main;"
        f"sys.stdin = io.StringIO({json.dumps(json.dumps(proposal(glabellar())))});"
        "rc = main(['check']);"
        "sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('django', 'ninja', 'psycopg'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stderr) == []
