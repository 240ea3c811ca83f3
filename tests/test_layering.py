"""The clinical core (knowledge, rules) stays free of Django, web and database packages."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import glabella

CORE = ("knowledge", "rules", "forecast")
SRC = Path(glabella.__file__).parent
FORBIDDEN_ROOTS = {
    "django",
    "ninja",
    "psycopg",
    "psycopg2",
    "gunicorn",
    "whitenoise",
    "axes",
    "csp",
    "dj_database_url",
    "sqlite3",
    "requests",
    "httpx",
}


def test_importing_the_core_loads_no_web_or_database_package() -> None:
    code = (
        "import sys, json\n"
        "import glabella.knowledge, glabella.rules.engine, glabella.forecast\n"
        "glabella.knowledge.load_knowledge()\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert loaded & FORBIDDEN_ROOTS == set()


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def core_files(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


# What each core package may import from glabella: knowledge is the bottom layer.
ALLOWED = {
    "knowledge": {"knowledge"},
    "rules": {"knowledge", "rules"},
    "forecast": {"knowledge", "forecast"},
}


def test_core_modules_import_only_lower_core_layers() -> None:
    offending = []
    for package, allowed in ALLOWED.items():
        for path in core_files(package):
            for name in imports_of(path):
                parts = name.split(".")
                web = parts[0] in FORBIDDEN_ROOTS
                outside = parts[0] == "glabella" and (len(parts) < 2 or parts[1] not in allowed)
                if web or outside:
                    offending.append(f"{path.relative_to(SRC)}: {name}")
    assert offending == []


def test_there_are_core_modules_to_check() -> None:
    assert all(len(core_files(package)) > 3 for package in CORE)
