from __future__ import annotations

import pytest

from glabella.cli.main import main


def test_it_reports_an_up_to_date_database(db: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate"]) == 0
    assert "0 migration(s) applied" in capsys.readouterr().out
