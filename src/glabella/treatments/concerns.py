"""Patient concerns and the indications that treat them, from ``concerns.yaml``.

Loaded once and checked against the knowledge base: an unknown indication id is a
start-up error, not a silent gap in the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from glabella.knowledge import load_knowledge

DATA = Path(__file__).with_name("concerns.yaml")


@dataclass(frozen=True)
class Concern:
    id: str
    name: str
    indications: tuple[str, ...]


@cache
def concerns() -> dict[str, Concern]:
    rows = yaml.safe_load(DATA.read_text(encoding="utf-8"))["concerns"]
    known = load_knowledge().indications
    result: dict[str, Concern] = {}
    for row in rows:
        unknown = [i for i in row["indications"] if i not in known]
        if unknown:
            raise ValueError(f"concerns.yaml: {row['id']} names unknown indications {unknown}")
        result[row["id"]] = Concern(row["id"], row["name"], tuple(row["indications"]))
    return result
