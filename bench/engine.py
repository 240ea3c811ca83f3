"""Assessments per second for two typical proposals, beside plain JSON parse + dump.

Run with ``.venv/bin/python bench/engine.py``. Single process, time-based loops, no
assertions: the figures are for reading (targets: 20,000/s glabellar, 5,000/s PREEMPT).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from glabella.knowledge import load_knowledge
from glabella.rules.engine import assess, assess_json, parse

SECONDS = 1.0


def glabellar() -> dict[str, Any]:
    sites = ["procerus", "corrugator_l", "corrugator_l", "corrugator_r", "corrugator_r"]
    return {
        "at": "2026-11-28T10:00:00",
        "patient": {"birth_date": "1986-04-02", "sex": "female", "weight_kg": 61},
        "treatments": [
            {
                "product": "botox_cosmetic",
                "indication": "glabellar_lines",
                "lot": {
                    "number": "C1234",
                    "expiry": "2027-01-31",
                    "reconstituted_at": "2026-11-28T08:30:00",
                },
                "points": [{"site": s, "units": 4} for s in sites],
            }
        ],
    }


def preempt() -> dict[str, Any]:
    kb = load_knowledge()
    template = kb.templates.get("preempt_31")
    if template is not None:
        points = [{"site": p.site, "units": p.units} for p in template.points]
    else:
        points = [{"site": "temporalis_l", "units": 5} for _ in range(31)]
    # Twenty earlier cycles, one every 12 weeks, the latest exactly 12 weeks ago.
    at = date(2026, 11, 28)
    history = [
        {
            "date": (at - timedelta(days=84 * cycle)).isoformat(),
            "product": "botox",
            "indication": "chronic_migraine",
            "units": 155,
        }
        for cycle in range(1, 21)
    ]
    return {
        "at": "2026-11-28T10:00:00",
        "patient": {"birth_date": "1980-01-15", "sex": "female", "weight_kg": 70},
        "history": history,
        "treatments": [{"product": "botox", "indication": "chronic_migraine", "points": points}],
    }


def rate(work: Callable[[], object], rounds: int = 5) -> float:
    """Calls per CPU-second of this process: the best of a few short rounds.

    CPU time rather than wall time, and the best round, so that other processes on a
    shared machine disturb the figure as little as possible.
    """
    work()
    best = 0.0
    for _ in range(rounds):
        count, batch = 0, 50
        start = time.process_time()
        while (elapsed := time.process_time() - start) < SECONDS / rounds:
            for _ in range(batch):
                work()
            count += batch
        best = max(best, count / elapsed)
    return best


def main() -> None:
    kb = load_knowledge()
    rows = []
    for name, document in (
        ("glabellar, 5 points", glabellar()),
        ("PREEMPT 31 sites, 20 history", preempt()),
    ):
        text = json.dumps(document)
        proposal = parse(document)
        engine = rate(lambda p=proposal: assess(p, kb))
        full = rate(lambda d=document: assess_json(d, kb))
        plain = rate(lambda t=text: json.dumps(json.loads(t)))
        rows.append((name, engine, full, plain))
    header = ("proposal", "assess/s", "validate+assess+dump/s", "json parse+dump/s")
    print(f"{header[0]:<30} {header[1]:>12} {header[2]:>24} {header[3]:>18}")
    for name, engine, full, plain in rows:
        print(f"{name:<30} {engine:>12,.0f} {full:>24,.0f} {plain:>18,.0f}")


if __name__ == "__main__":
    main()
