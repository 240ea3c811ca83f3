"""Entry point of the ``glabella`` console script.

Each subcommand lives in its own module under ``glabella.cli`` and exposes
``register(subparsers)``; the module adds its parser and sets ``func``. Commands
that need the database call :func:`glabella.cli.django_setup.setup` themselves,
so ``glabella check`` and ``glabella knowledge`` never touch Django.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

COMMAND_MODULES: list[str] = [
    "glabella.cli.check",
    "glabella.cli.demo",
    "glabella.cli.serve",
    "glabella.cli.accounts",
    "glabella.cli.knowledge",
    "glabella.cli.due",
    "glabella.cli.forecast",
    "glabella.cli.worker",
    "glabella.cli.stock",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="glabella", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    result: int | None = args.func(args)
    return result or 0


if __name__ == "__main__":
    sys.exit(main())
