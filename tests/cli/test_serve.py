from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from glabella.cli.main import main

STARTUP_SECONDS = 12


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def status_of(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            status: int = response.status
            return status
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, server: subprocess.Popen[bytes]) -> int | None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and server.poll() is None:
        status = status_of(url)
        if status is not None:
            return status
        time.sleep(0.2)
    return None


def test_serve_answers_the_login_page_over_http(tmp_path: Path) -> None:
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        GLABELLA_VAR_DIR=str(tmp_path),
    )
    command = [sys.executable, "-m", "glabella.cli.main", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", "1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        status = wait_for(f"http://127.0.0.1:{port}/login/", server)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=15)
    assert status == 200, errors.decode()[-2000:]
    assert (tmp_path / "static" / "glabella" / "app.css").is_file()


def test_it_refuses_a_server_without_workers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--workers", "0"])
    assert "0 is outside 1..64" in capsys.readouterr().err
