"""Clinic policy: local data that may only make the shipped rules stricter.

A clinic may lower a ceiling (dose, volume, in-use time, maximum age), raise a floor
(interval, minimum age, skin-test lead time, cumulative window), make an advisory fact
blocking (``enforce: true``) or raise a finding code's severity floor. Anything that would
loosen a label rule is rejected with a PolicyError naming the rule.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import yaml
from pydantic import ValidationError

from glabella.knowledge.errors import PolicyError
from glabella.knowledge.kb import KnowledgeBase
from glabella.knowledge.policy_products import apply_product
from glabella.knowledge.policy_rules import LABEL_FIELDS, tighten
from glabella.knowledge.policy_schema import ClinicPolicy, LocalLabel, LocalProduct, LocalValue
from glabella.knowledge.schema import SEVERITY_RANK, Fact, Product, ProductIndication, Severity


def _apply_label(
    path: str, label: ProductIndication, local: LocalLabel, clinic: str
) -> ProductIndication:
    update: dict[str, Fact | None] = {}
    for name, direction in LABEL_FIELDS.items():
        value: LocalValue | None = getattr(local, name)
        if value is not None:
            update[name] = tighten(f"{path}.{name}", direction, getattr(label, name), value, clinic)
    return label.model_copy(update=update)


def _apply_labels(
    path: str, product: Product, local: LocalProduct, clinic: str
) -> dict[str, ProductIndication]:
    labels = dict(product.labels)
    for ind, local_label in local.labels.items():
        if ind not in labels:
            raise PolicyError(
                [
                    f"{path}.labels.{ind}: {product.id} has no label entry for {ind}; a policy "
                    "cannot add one, because that would turn OFF_LABEL or UNSUPPORTED_COMBINATION "
                    "into a labelled use (looser)."
                ]
            )
        labels[ind] = _apply_label(f"{path}.labels.{ind}", labels[ind], local_label, clinic)
    return labels


def apply_policy(kb: KnowledgeBase, policy: ClinicPolicy, digest: str) -> KnowledgeBase:
    products = dict(kb.products)
    for pid, local in policy.products.items():
        if pid not in products:
            raise PolicyError([f"products.{pid}: unknown product"])
        product = apply_product(f"products.{pid}", products[pid], local, policy.clinic)
        labels = _apply_labels(f"products.{pid}", product, local, policy.clinic)
        products[pid] = product.model_copy(update={"labels": labels})
    floors = _severity_floors(kb, policy)
    return replace(
        kb,
        products=products,
        severity_floors=floors,
        policy_name=policy.clinic,
        version=f"{kb.version}.policy-{digest[:7]}",
    )


def _severity_floors(kb: KnowledgeBase, policy: ClinicPolicy) -> dict[str, Severity]:
    floors: dict[str, Severity] = {}
    for code, level in policy.severity_floors.items():
        known = kb.finding_codes.get(code)
        if known is None:
            raise PolicyError([f"severity_floors.{code}: unknown finding code"])
        lowest = min(known.severities, key=SEVERITY_RANK.__getitem__)
        if SEVERITY_RANK[level] < SEVERITY_RANK[lowest]:
            raise PolicyError(
                [
                    f"severity_floors.{code}: {level} would loosen the rule (shipped severity "
                    f"{lowest}). A clinic policy may only make rules stricter."
                ]
            )
        floors[code] = level
    return floors


def read_policy(path: Path) -> tuple[ClinicPolicy, str]:
    try:
        raw = path.read_bytes()
        policy = ClinicPolicy.parse(yaml.safe_load(raw))
    except OSError as exc:
        raise PolicyError([f"{path}: cannot read the policy file ({exc.strerror})"]) from exc
    except (yaml.YAMLError, ValueError, ValidationError) as exc:
        raise PolicyError([f"{path}: invalid clinic policy: {exc}"]) from exc
    return policy, hashlib.sha256(raw).hexdigest()


def apply_policy_file(kb: KnowledgeBase, path: Path) -> KnowledgeBase:
    policy, digest = read_policy(path)
    return apply_policy(kb, policy, digest)
