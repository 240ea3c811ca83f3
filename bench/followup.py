"""Due-list query time and refresh forecasts per second at scale.

Run with ``.venv/bin/python bench/followup.py [--patients N] [--samples S]``. It reuses
the patients of ``bench/patients.py`` (same ``DATABASE_URL``, same clinic, built if
missing), e.g. ``DATABASE_URL=postgresql://postgres@127.0.0.1:5432/glabella_bench``, and
gives each patient a stored glabellar-lines forecast (every fourth also a lips one) with
one INSERT … SELECT. Default N is 1,000,000 on PostgreSQL and 10,000 on SQLite.

Prints median and 95th percentile in milliseconds for the due list, and forecasts per
second for the pure forecasting core on one core.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

# The sibling script; ``python bench/followup.py`` puts bench/ on the import path.
import patients as patient_bench
from common import open_database

ROOT = patient_bench.ROOT
# Forecast dates spread over this many days around today, so a 4-week window holds a
# realistic few percent of the clinic.
SPREAD_DAYS = 730


def main() -> int:
    args = patient_bench.parse_args()
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench-patients.sqlite3'}"
    postgres = open_database(url)
    size = args.patients or (1_000_000 if postgres else 10_000)
    started = time.perf_counter()
    clinic, user = patient_bench.ensure_data(size, postgres)
    forecasts = ensure_forecasts(clinic, postgres)
    patient_bench.analyse()
    print(
        f"data ready: {size:,} patients, {forecasts:,} forecasts in "
        f"{time.perf_counter() - started:.1f} s"
    )
    rows = measure_due(clinic, user, args.samples)
    patient_bench.print_table(url, size, rows)
    print_rates(measure_core(), measure_recompute(clinic))
    return 0


def ensure_forecasts(clinic: Any, postgres: bool) -> int:
    from glabella.refresh.models import RefreshForecast

    expected = patient_count(clinic) + patient_count(clinic) // 4
    existing = RefreshForecast.objects.filter(clinic=clinic).count()
    if existing != expected:
        RefreshForecast.objects.filter(clinic=clinic).delete()
        insert_forecasts(clinic, postgres)
    return RefreshForecast.objects.filter(clinic=clinic).count()


def patient_count(clinic: Any) -> int:
    from glabella.patients.models import Patient

    return Patient.objects.filter(clinic=clinic).count()


def insert_forecasts(clinic: Any, postgres: bool) -> None:
    """One INSERT … SELECT per indication; dates from a multiplicative hash of the id."""
    from django.db import connection

    today = date.today()
    start = today - timedelta(days=SPREAD_DAYS // 2)
    # Integer days after ``start``: PostgreSQL adds them to a date, SQLite via julianday.
    add = "%(start)s::date + ({})::int" if postgres else "date(julianday(%(start)s) + {})"
    last = add.format(f"((p.id * 7919) %% {SPREAD_DAYS}) - %(days)s")
    shifted = add.format(f"((p.id * 7919) %% {SPREAD_DAYS}) + {{}} - %(days)s")
    now = "now()" if postgres else "datetime('now')"
    indications = [
        ("glabellar_lines", "botox_cosmetic", "toxin", 105, 15, "1 = 1"),
        ("lip_augmentation", "juvederm_volbella_xc", "filler", 300, 60, "p.id %% 4 = 0"),
    ]
    with connection.cursor() as cursor:
        for indication, product, kind, days, spread, which in indications:
            cursor.execute(
                f"""
                INSERT INTO refresh_refreshforecast (
                    clinic_id, patient_id, indication, product, product_class,
                    last_treated_on, predicted_on, low_on, high_on, explanation, basis,
                    observations, computed_at)
                SELECT p.clinic_id, p.id, %(indication)s, %(product)s, %(kind)s,
                       {last}, {shifted.format(days)}, {shifted.format(days - spread)},
                       {shifted.format(days + spread)},
                       'No earlier treatments: typical duration (bench row).', 'prior', 0, {now}
                FROM patients_patient p
                WHERE p.clinic_id = %(clinic)s AND {which}
                """,
                {
                    "indication": indication,
                    "product": product,
                    "kind": kind,
                    "clinic": clinic.pk,
                    "start": start.isoformat(),
                    "days": days,
                },
            )


def measure_due(clinic: Any, user: Any, samples: int) -> list[tuple[str, list[float]]]:
    from django.test import Client
    from django.utils import timezone

    from glabella.refresh.queries import due_list, due_rows

    today = timezone.localdate()
    rng = random.Random(11)
    client = Client()
    client.force_login(user)

    def page(path: str, params: dict[str, Any]) -> Callable[[], None]:
        def get() -> None:
            response = client.get(path, params)
            assert response.status_code == 200, response.status_code

        return get

    def cursor() -> str:
        # Anywhere in the window: the date of a random day, after a random id.
        day = today - timedelta(days=rng.randint(0, 90 + 27))
        return f"{day.isoformat()}.{rng.randint(1, 1_000_000)}"

    export_samples = max(5, samples // 20)
    exported = sum(1 for _ in due_rows(clinic, 7, today))
    return [
        ("due: 4 weeks, page 1", patient_bench.timed(samples, lambda: due_list(clinic, 28, today))),
        (
            "due: 4 weeks, after a cursor",
            patient_bench.timed(samples, lambda: due_list(clinic, 28, today, after=cursor())),
        ),
        (
            "due: 26 weeks, page 1",
            patient_bench.timed(samples, lambda: due_list(clinic, 182, today)),
        ),
        ("due: page (HTTP)", patient_bench.timed(samples, page("/due/", {"weeks": 4}))),
        ("due: API (HTTP)", patient_bench.timed(samples, page("/api/v1/refresh/due", {}))),
        (
            f"due: export 1 week, {exported:,}",
            patient_bench.timed(export_samples, lambda: sum(1 for _ in due_rows(clinic, 7, today))),
        ),
    ]


def histories(count: int) -> list[tuple[list[Any], list[Any]]]:
    """Random histories: 1-8 glabellar treatments, about a third of cycles reported."""
    from glabella.forecast import Report
    from glabella.refresh.compute import Given

    rng = random.Random(3)
    found = []
    for _ in range(count):
        day = date(2022, 1, 1) + timedelta(days=rng.randrange(365))
        given, reports = [], []
        for _ in range(rng.randint(1, 8)):
            given.append(Given(day, "botox_cosmetic", "glabellar_lines"))
            if rng.random() < 0.33:
                worn = day + timedelta(days=rng.randint(80, 150))
                reports.append(("glabellar_lines", Report(day, worn)))
            day += timedelta(days=rng.randint(90, 200))
        found.append((given, reports))
    return found


def measure_core(count: int = 50_000) -> list[tuple[str, float]]:
    """Forecasts per second of the pure core, single process, one core."""
    from glabella.forecast import Prior, forecast, observations
    from glabella.knowledge import load_knowledge
    from glabella.refresh.compute import plan

    kb = load_knowledge()
    cases = histories(count)
    prior = Prior(low=90, high=120, source="bench")
    seen = [
        observations([g.given_on for g in given], [r for _, r in reports])
        for given, reports in cases
    ]
    started = time.perf_counter()
    for observed, (given, _) in zip(seen, cases, strict=True):
        forecast(given[-1].given_on, prior, observed, product="p", indication="i")
    core = count / (time.perf_counter() - started)
    started = time.perf_counter()
    for given, reports in cases:
        plan(kb, given, reports)
    whole = count / (time.perf_counter() - started)
    return [
        ("core: forecast() from observations", core),
        ("core: history -> forecast (plan)", whole),
    ]


def measure_recompute(clinic: Any) -> list[tuple[str, float]]:
    """Stored forecasts per second through the database, for the patients with history."""
    from django.db import transaction

    from glabella.patients.models import PriorTreatment
    from glabella.refresh.actions import recompute_batch

    ids = sorted(
        set(PriorTreatment.objects.filter(clinic=clinic).values_list("patient_id", flat=True))
    )
    started = time.perf_counter()
    with transaction.atomic():
        stored = recompute_batch(clinic.pk, ids)
    return [("db: recompute_batch (upsert)", stored / (time.perf_counter() - started))]


def print_rates(*groups: list[tuple[str, float]]) -> None:
    print(f"\n| {'throughput':<36} | {'forecasts/s':>11} |")
    print(f"| {'-' * 36} | {'-' * 10}:|")
    for rows in groups:
        for label, rate in rows:
            print(f"| {label:<36} | {rate:>11,.0f} |")


if __name__ == "__main__":
    sys.exit(main())
