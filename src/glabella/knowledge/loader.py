"""Read the YAML data files, validate them against the schema and cross-check every id."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from glabella.knowledge import integrity
from glabella.knowledge.errors import KnowledgeError
from glabella.knowledge.kb import KnowledgeBase
from glabella.knowledge.schema import (
    Aftercare,
    Allergy,
    Condition,
    FindingCode,
    Indication,
    Ingredient,
    Medication,
    Product,
    Region,
    Scale,
    Sequencing,
    Site,
    Template,
)

# The C loader (libyaml) is ten times faster; both load only plain data.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).parent / "data"

# Top-level key of a data file -> record model. "anchors" holds YAML anchors only.
COLLECTIONS: dict[str, type[BaseModel]] = {
    "products": Product,
    "indications": Indication,
    "sites": Site,
    "regions": Region,
    "templates": Template,
    "aftercare": Aftercare,
    "sequencing": Sequencing,
    "scales": Scale,
    "conditions": Condition,
    "allergies": Allergy,
    "medications": Medication,
    "ingredients": Ingredient,
    "finding_codes": FindingCode,
}
IGNORED_KEYS = {"anchors"}


def data_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*.yaml") if p.name != "manifest.yaml")


def data_hash(files: list[Path], data_dir: Path = DATA_DIR) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise KnowledgeError([f"{path.name}: not valid YAML: {exc}"]) from exc
    if not isinstance(content, dict):
        raise KnowledgeError([f"{path.name}: expected a mapping at the top level"])
    return content


def _record_id(model: BaseModel) -> str:
    fields = vars(model)  # records are keyed by ``id``; finding codes by ``code``
    return str(fields.get("id") or fields.get("code"))


def _parse_file(path: Path, out: dict[str, dict[str, Any]], problems: list[str]) -> None:
    for key, entries in read_yaml(path).items():
        if key in IGNORED_KEYS:
            continue
        model = COLLECTIONS.get(key)
        if model is None or not isinstance(entries, list):
            problems.append(f"{path.name}: unknown collection {key!r} (or not a list)")
            continue
        for i, entry in enumerate(entries):
            try:
                record = model.model_validate(entry)
            except ValidationError as exc:
                problems.append(f"{path.name}: {key}[{i}]: {exc}")
                continue
            rid = _record_id(record)
            if rid in out[key]:
                problems.append(f"{path.name}: duplicate {key} id {rid!r}")
            out[key][rid] = record


def _fill_region_sites(collected: dict[str, dict[str, Any]]) -> None:
    members: dict[str, list[str]] = {rid: [] for rid in collected["regions"]}
    for site in collected["sites"].values():
        for rid in site.regions:
            members.setdefault(rid, []).append(site.id)
    for rid, region in list(collected["regions"].items()):
        collected["regions"][rid] = region.model_copy(update={"sites": tuple(members[rid])})


def load_from(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Load and validate every data file under ``data_dir``; raise KnowledgeError on problems."""
    files = data_files(data_dir)
    collected: dict[str, dict[str, Any]] = {key: {} for key in COLLECTIONS}
    problems: list[str] = []
    for path in files:
        _parse_file(path, collected, problems)
    if problems:
        raise KnowledgeError(problems)
    _fill_region_sites(collected)
    base_version = str(read_yaml(data_dir / "manifest.yaml")["version"])
    version = f"{base_version}+{data_hash(files, data_dir)[:7]}"
    kb = KnowledgeBase(
        version=version,
        products=collected["products"],
        indications=collected["indications"],
        sites=collected["sites"],
        regions=collected["regions"],
        templates=collected["templates"],
        aftercare=collected["aftercare"],
        sequencing=collected["sequencing"],
        scales=collected["scales"],
        conditions=collected["conditions"],
        allergies=collected["allergies"],
        medications=collected["medications"],
        ingredients=collected["ingredients"],
        finding_codes=collected["finding_codes"],
    )
    found = integrity.problems(kb)
    if found:
        raise KnowledgeError(found)
    return kb


@lru_cache(maxsize=1)
def _default() -> KnowledgeBase:
    return load_from(DATA_DIR)


def load_knowledge(policy: Path | None = None) -> KnowledgeBase:
    """The shipped knowledge base, made stricter by a clinic ``policy`` file when given.

    The default is loaded once per process; later calls do no I/O.
    """
    if policy is None:
        return _default()
    from glabella.knowledge.policy import apply_policy_file

    return apply_policy_file(_default(), policy)
