"""``glabella check [FILE]``: assess one proposal, print the assessment as JSON.

Reads FILE, or standard input when FILE is ``-`` or absent. Exit 0 when the proposal
was assessed (whatever the verdict), exit 2 with an error JSON on standard error when
it is invalid. Needs neither the database nor Django.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="assess a treatment proposal (JSON) against the knowledge base",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", default="-", help="proposal JSON file, or - for stdin")
    parser.add_argument(
        "--policy", metavar="YAML", help="clinic policy file that makes the rules stricter"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Imported here so that other subcommands do not pay for loading the engine.
    from glabella.knowledge import PolicyError, load_knowledge
    from glabella.rules.engine import assess_text
    from glabella.rules.errors import ProposalError

    try:
        kb = load_knowledge(Path(args.policy)) if args.policy else load_knowledge()
    except PolicyError as exc:
        sys.stderr.write(json.dumps({"error": {"field": "--policy", "message": str(exc)}}) + "\n")
        return 2
    try:
        text = _read(args.file)
        result = assess_text(text, kb)
    except ProposalError as exc:
        sys.stderr.write(json.dumps(exc.to_json()) + "\n")
        return 2
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


def _read(name: str) -> str:
    from glabella.rules.errors import ProposalError

    if name == "-":
        return sys.stdin.read()
    try:
        with open(name, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ProposalError("$", f"cannot read {name}: {exc}") from exc
