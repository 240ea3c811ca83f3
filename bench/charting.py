"""Charting server time at scale: the charting page and a 40-point chart save.

Run with ``.venv/bin/python bench/charting.py [--patients N] [--samples S]``.
The database is ``DATABASE_URL``, by default the PostgreSQL database that
``bench/patients.py`` fills (``postgresql://postgres@127.0.0.1:5432/glabella_bench``);
its patients are reused when the count matches N (default 1,000,000), otherwise created
the same way ``bench/patients.py`` does. Draft sessions are added for 200 patients.

Measures (median and 95th percentile, ms; target p95 under 50 ms for both):
- the charting page over HTTP (``treatments:session``) — or, before that page exists, the
  session detail query plus the live assessment it shows;
- ``save_chart`` of 40 points (PREEMPT 31 + glabellar 5 + lips 4) in its transaction,
  the optimistic-lock UPDATE, line and point replacement and the audit row included;
- the live assessment alone (engine + profile + history queries).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

from common import open_database

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/glabella_bench"
SESSIONS = 200


def patient_bench() -> Any:
    """bench/patients.py as a module, for its data helpers and its timing table."""
    spec = importlib.util.spec_from_file_location("bench_patients", ROOT / "bench" / "patients.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    args = parse_args()
    helpers = patient_bench()
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    postgres = open_database(url)
    size = args.patients or (1_000_000 if postgres else 10_000)
    started = time.perf_counter()
    clinic, user = helpers.ensure_data(size, postgres)
    sessions = ensure_sessions(clinic, user)
    helpers.analyse()
    elapsed = time.perf_counter() - started
    print(f"data ready: {size:,} patients, {len(sessions)} drafts in {elapsed:.1f} s")
    rows = measure(user, sessions, args.samples, helpers.timed)
    helpers.print_table(url, size, rows)
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=0, help="patients in the measured clinic")
    parser.add_argument("--samples", type=int, default=200, help="timed operations per measure")
    return parser.parse_args()


def forty_points() -> list[dict[str, Any]]:
    from glabella.knowledge import load_knowledge

    kb = load_knowledge()

    def toxin(template: str, product: str, indication: str) -> dict[str, Any]:
        points = [
            {"site": p.site, "units": p.units, "depth": "intramuscular"}
            for p in kb.templates[template].points
        ]
        return {
            "product": product,
            "indication": indication,
            "template": template,
            "points": points,
        }

    lips = [
        {"site": site, "volume_ml": 0.2, "depth": "subdermal", "technique": "cannula"}
        for site in ("lip_upper", "lip_upper", "lip_lower", "lip_lower")
    ]
    lines = [
        toxin("preempt_31", "botox", "chronic_migraine"),
        toxin("glabellar_5_point", "botox_cosmetic", "glabellar_lines"),
        {"product": "juvederm_volbella_xc", "indication": "lip_augmentation", "points": lips},
    ]
    assert sum(len(line["points"]) for line in lines) == 40
    return lines


def ensure_sessions(clinic: Any, user: Any) -> list[Any]:
    """One charted draft for each of the first 200 patients (who have profiles and history)."""
    from django.db import transaction

    from glabella.patients.models import Patient
    from glabella.treatments import actions
    from glabella.treatments.models import DRAFT, Session

    existing = Session.objects.filter(clinic=clinic, injector=user, status=DRAFT)
    if existing.count() >= SESSIONS:
        return list(existing.select_related("clinic", "patient")[:SESSIONS])
    chart = forty_points()
    patients = Patient.objects.filter(clinic=clinic, record_number__lte=SESSIONS)
    for patient in patients.exclude(treatment_sessions__injector=user):
        with transaction.atomic():
            session = actions.create_session(patient, user, channel="cli")
            actions.save_chart(session, user, session.version, chart, channel="cli")
    drafts = Session.objects.filter(clinic=clinic, injector=user, status=DRAFT)
    # As a view holds them: fetched with their clinic, as get_scoped_or_404 would.
    return list(drafts.select_related("clinic", "patient")[:SESSIONS])


def measure(
    user: Any, sessions: list[Any], samples: int, timed: Any
) -> list[tuple[str, list[float]]]:
    from django.db import transaction
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from glabella.treatments import actions, queries

    rng = random.Random(11)
    chart = forty_points()
    results: list[tuple[str, list[float]]] = []
    try:
        reverse("treatments:session", kwargs={"session_id": sessions[0].pk})
        client = Client()
        client.force_login(user)

        def page() -> None:
            session = rng.choice(sessions)
            url = reverse("treatments:session", kwargs={"session_id": session.pk})
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        results.append(("page: charting page (HTTP)", timed(samples, page)))
    except NoReverseMatch:

        def detail_and_assess() -> None:
            session = queries.session_detail(rng.choice(sessions).clinic).get(
                pk=rng.choice(sessions).pk
            )
            actions.assess_session(session)

        results.append(("chart: detail + assessment", timed(samples, detail_and_assess)))

    def save() -> None:
        session = rng.choice(sessions)
        with transaction.atomic():
            actions.save_chart(session, user, session.version, chart, channel="cli")

    def assess() -> None:
        session = queries.session_detail(sessions[0].clinic).get(pk=rng.choice(sessions).pk)
        actions.assess_session(session)

    results.append(("save: 40-point chart", timed(samples, save)))
    results.append(("assessment: live check", timed(samples, assess)))
    return results


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
