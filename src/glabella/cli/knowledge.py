"""``glabella knowledge list|show|validate``: browse the knowledge base, check a policy."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from glabella.knowledge import KnowledgeBase, KnowledgeError, load_knowledge

KINDS = (
    "products",
    "indications",
    "sites",
    "regions",
    "templates",
    "aftercare",
    "sequencing",
    "scales",
    "conditions",
    "allergies",
    "medications",
    "ingredients",
    "finding_codes",
)
# Extra columns shown by ``list`` per kind, after the id and the name.
COLUMNS: dict[str, tuple[str, ...]] = {
    "products": ("product_class", "substance", "unit", "source"),
    "indications": ("kind", "product_class", "icd10"),
    "sites": ("kind", "side", "regions", "danger_zone", "snomed"),
    "regions": ("sites", "danger_zone", "snomed"),
    "templates": ("indication", "products", "total", "source"),
    "aftercare": ("product_class", "areas", "source"),
    "scales": ("minimum", "maximum", "source"),
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "knowledge", help="browse and validate the clinical knowledge base"
    )
    commands = parser.add_subparsers(dest="knowledge_command", required=True, metavar="SUBCOMMAND")
    listing = commands.add_parser("list", help="list the records of one kind with their sources")
    listing.add_argument("kind", choices=KINDS, nargs="?", default="products")
    show = commands.add_parser("show", help="show one record in full")
    show.add_argument("id")
    show.add_argument("--kind", choices=KINDS, help="look only in this kind")
    validate = commands.add_parser("validate", help="validate the data, or a clinic policy file")
    validate.add_argument("policy", nargs="?", type=Path, help="clinic policy YAML file")
    for sub in (listing, show, validate):
        sub.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    handlers = {"list": _list, "show": _show, "validate": _validate}
    try:
        return handlers[args.knowledge_command](args)
    except KnowledgeError as exc:
        _error(args.format, exc.problems)
        return 2


def _list(args: argparse.Namespace) -> int:
    records = _collection(load_knowledge(), args.kind)
    if args.format == "json":
        _print_json([r.model_dump(mode="json") for r in records.values()])
        return 0
    columns = COLUMNS.get(args.kind, ("source",))
    table = Table("id", "name", *columns, title=args.kind)
    for rid, record in records.items():
        data = record.model_dump(mode="json")
        name = data.get("name") or data.get("label") or data.get("text") or data.get("when", "")
        table.add_row(rid, str(name), *(_cell(data.get(c)) for c in columns))
    _console().print(table)
    return 0


def _show(args: argparse.Namespace) -> int:
    kb = load_knowledge()
    kinds = [args.kind] if args.kind else list(KINDS)
    for kind in kinds:
        record = _collection(kb, kind).get(args.id)
        if record is not None:
            return _print_record(kind, record, args.format)
    known = [rid for kind in kinds for rid in _collection(kb, kind)]
    close = difflib.get_close_matches(args.id, known, n=3)
    hint = f"; closest known ids: {', '.join(close)}" if close else ""
    _error(args.format, [f"unknown id {args.id!r}{hint}"])
    return 2


def _validate(args: argparse.Namespace) -> int:
    kb = load_knowledge(args.policy)
    summary = {
        "valid": True,
        "version": kb.version,
        "policy": kb.policy_name,
        "counts": {kind: len(_collection(kb, kind)) for kind in KINDS},
    }
    if args.format == "json":
        _print_json(summary)
    else:
        what = f"clinic policy of {kb.policy_name}" if kb.policy_name else "knowledge base"
        _console().print(f"The {what} is valid (knowledge version {kb.version}).")
    return 0


def _collection(kb: KnowledgeBase, kind: str) -> dict[str, Any]:
    records: dict[str, Any] = getattr(kb, kind)
    return records


def _print_record(kind: str, record: BaseModel, fmt: str) -> int:
    data = record.model_dump(mode="json", exclude_none=True)
    if fmt == "json":
        _print_json(data)
        return 0
    table = Table("field", "value", title=f"{kind}: {data.get('id') or data.get('code')}")
    for key, value in data.items():
        table.add_row(key, _cell(value, compact=False))
    _console().print(table)
    return 0


def _cell(value: Any, compact: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, dict) and compact and "value" in value:
        return f"{value['value']}" if value["value"] is not None else "unknown"
    if isinstance(value, list) and compact:
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, indent=None if compact else 1)
    return str(value)


def _console() -> Console:
    # Built per call so output goes to the current sys.stdout (tests capture it).
    return Console(file=sys.stdout, width=160, soft_wrap=False)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _error(fmt: str, problems: list[str]) -> None:
    if fmt == "json":
        sys.stderr.write(json.dumps({"error": {"problems": problems}}, ensure_ascii=False) + "\n")
    else:
        sys.stderr.write("\n".join(problems) + "\n")
