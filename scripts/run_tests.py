"""Run the whole pytest suite on SQLite, then on PostgreSQL.

PostgreSQL comes from GLABELLA_TEST_DATABASE_URL. Locally a server that does not
answer skips that run with a message; with CI=true it fails the run, as does a
missing Chromium (checked by the browser fixtures).
"""

from __future__ import annotations

import os
import subprocess
import sys

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def postgres_answers(url: str) -> str | None:
    """None when the server answers, else the reason it does not."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    # pytest-django creates test_<name> itself: only the server has to answer.
    params = conninfo_to_dict(url)
    params["dbname"] = "postgres"
    try:
        with psycopg.connect(make_conninfo(**params), connect_timeout=5):
            return None
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]


def run_pytest(label: str, database_url: str, extra: list[str]) -> int:
    print(f"\n=== pytest on {label} ===", flush=True)
    env = dict(os.environ, DATABASE_URL=database_url)
    command = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadfile", *extra]
    return subprocess.call(command, env=env)


def main() -> int:
    extra = sys.argv[1:]
    status = run_pytest("SQLite", "sqlite:///var/test.sqlite3", extra)
    pg_url = os.environ.get("GLABELLA_TEST_DATABASE_URL", DEFAULT_PG)
    problem = postgres_answers(pg_url)
    if problem is None:
        status = run_pytest("PostgreSQL", pg_url, extra) or status
    elif in_ci():
        print(f"PostgreSQL at {pg_url} does not answer ({problem}); CI needs it.", flush=True)
        status = status or 1
    else:
        print(f"SKIPPED the PostgreSQL run: {pg_url} does not answer ({problem}).", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
