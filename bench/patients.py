"""Patient search and patient page server time at scale.

Run with ``.venv/bin/python bench/patients.py [--patients N] [--samples S]``.
The database is ``DATABASE_URL`` (default: SQLite at ``var/bench-patients.sqlite3``);
on PostgreSQL the database in the URL is created if missing, e.g.
``DATABASE_URL=postgresql://postgres@127.0.0.1:5432/glabella_bench``. Default N is
1,000,000 on PostgreSQL and 10,000 on SQLite; a second clinic gets N/10 more rows.
Rows are inserted once and reused on later runs with the same N.

Prints median and 95th percentile in milliseconds (target: p95 under 50 ms at 1M).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from common import open_database

ROOT = Path(__file__).resolve().parent.parent
# Consonant-vowel syllables; two to four of them make a name.
SYLLABLES = [c + v for c in "bdfklmnprstvz" for v in "aeio"]
COMMON = ["smith", "jones", "taylor", "brown", "martin", "garcia", "muller", "rossi", "silva"]


def main() -> int:
    args = parse_args()
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench-patients.sqlite3'}"
    postgres = open_database(url)
    size = args.patients or (1_000_000 if postgres else 10_000)
    started = time.perf_counter()
    clinic, user = ensure_data(size, postgres)
    print(
        f"data ready: {size:,} + {size // 10:,} patients in {time.perf_counter() - started:.1f} s"
    )
    rows = measure(clinic, user, args.samples)
    print_table(url, size, rows)
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=0, help="patients in the measured clinic")
    parser.add_argument("--samples", type=int, default=200, help="timed requests per measure")
    return parser.parse_args()


def name_lists() -> tuple[list[str], list[str]]:
    """About 8,000 family names and 400 given names, deterministic."""
    rng = random.Random(42)
    families = set(COMMON)
    while len(families) < 8000:
        families.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    givens: set[str] = set()
    while len(givens) < 400:
        givens.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(families), sorted(givens)


def ensure_data(size: int, postgres: bool) -> tuple[Any, Any]:
    from glabella.accounts.models import Clinic, Membership, User
    from glabella.patients.models import Patient

    clinic, _ = Clinic.objects.get_or_create(slug="bench-a", defaults={"name": "Bench A"})
    other, _ = Clinic.objects.get_or_create(slug="bench-b", defaults={"name": "Bench B"})
    user, _ = User.objects.get_or_create(username="bench_injector")
    Membership.objects.get_or_create(user=user, clinic=clinic, defaults={"role": "injector"})
    if Patient.objects.filter(clinic=clinic).count() != size:
        Patient.objects.filter(clinic__in=[clinic, other]).delete()
        fill = fill_postgres if postgres else fill_sqlite
        fill(clinic, size)
        fill(other, size // 10)
        add_clinical_rows(clinic, user)
    analyse()
    return clinic, user


def fill_postgres(clinic: Any, count: int) -> None:
    """One INSERT … SELECT over generate_series: names picked by a multiplicative hash."""
    from django.db import connection

    families, givens = name_lists()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO patients_patient (
                clinic_id, record_number, family_name, given_name, family_key, given_key,
                birth_date, sex, email, phone, email_opt_out, sms_opt_out, created_at, updated_at)
            SELECT %(clinic)s, g, initcap(f), initcap(v), f, v,
                   date '1930-01-01' + ((g::bigint * 7919) %% 31000)::int,
                   CASE WHEN g %% 3 = 0 THEN 'male' ELSE 'female' END,
                   '', '', false, false, now(), now()
            FROM generate_series(1, %(count)s) AS g,
                 LATERAL (
                     SELECT (%(families)s::text[])[1 + ((g::bigint * 2654435761) %% %(nf)s)::int]
                                AS f,
                            (%(givens)s::text[])[1 + ((g::bigint * 40503) %% %(ng)s)::int] AS v
                 ) AS n
            """,
            {
                "clinic": clinic.pk,
                "count": count,
                "families": families,
                "givens": givens,
                "nf": len(families),
                "ng": len(givens),
            },
        )
    set_counter(clinic, count)


def fill_sqlite(clinic: Any, count: int) -> None:
    from glabella.patients.models import Patient

    families, givens = name_lists()
    batch: list[Patient] = []
    for number in range(1, count + 1):
        family = families[(number * 2654435761) % len(families)]
        given = givens[(number * 40503) % len(givens)]
        batch.append(
            Patient(
                clinic=clinic,
                record_number=number,
                family_name=family.title(),
                given_name=given.title(),
                family_key=family,
                given_key=given,
                birth_date=date(1930, 1, 1) + timedelta(days=(number * 7919) % 31000),
                sex="male" if number % 3 == 0 else "female",
            )
        )
        if len(batch) == 5000:
            Patient.objects.bulk_create(batch)
            batch = []
    Patient.objects.bulk_create(batch)
    set_counter(clinic, count)


def set_counter(clinic: Any, count: int) -> None:
    from glabella.patients.models import PatientCounter

    PatientCounter.objects.update_or_create(clinic=clinic, defaults={"last_number": count})


def add_clinical_rows(clinic: Any, user: Any) -> None:
    """Two profiles and three prior treatments for the patients the page samples."""
    from django.utils import timezone

    from glabella.patients.models import MedicalProfile, Patient, PriorTreatment

    patients = list(Patient.objects.filter(clinic=clinic, record_number__lte=500))
    now = timezone.now()
    MedicalProfile.objects.bulk_create(
        MedicalProfile(
            clinic=clinic,
            patient=p,
            recorded_at=now - timedelta(days=days),
            recorded_by=user,
            conditions=["bleeding_disorder"],
            medications=["anticoagulant"],
        )
        for p in patients
        for days in (10, 200)
    )
    PriorTreatment.objects.bulk_create(
        PriorTreatment(
            clinic=clinic,
            patient=p,
            date=date(2026, month, 1),
            product="botox_cosmetic",
            indication="glabellar_lines",
            units=20,
            source="demo",
        )
        for p in patients
        for month in (2, 6, 10)
    )


def analyse() -> None:
    """Fresh planner statistics, as autovacuum would give a long-running database."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(clinic: Any, user: Any, samples: int) -> list[tuple[str, list[float]]]:
    from django.test import Client

    from glabella.patients.models import Patient
    from glabella.patients.queries import search

    families, givens = name_lists()
    rng = random.Random(7)
    size = Patient.objects.filter(clinic=clinic).count()

    def pick_family() -> str:
        return rng.choice(families)

    queries: dict[str, Callable[[], str]] = {
        "search: 1-letter prefix": lambda: rng.choice("abdfklmnprstvwyz"),
        "search: 3-letter prefix": lambda: pick_family()[:3],
        "search: family + given": lambda: f"{pick_family()[:4]} {rng.choice(givens)[:2]}",
        "search: birth date": lambda: (
            date(1930, 1, 1) + timedelta(days=rng.randrange(31000))
        ).isoformat(),
        "search: record number": lambda: str(rng.randint(1, size)),
    }
    results = [
        (label, timed(samples, searcher(search, clinic, make_query)))
        for label, make_query in queries.items()
    ]

    client = Client()
    client.force_login(user)
    ids = list(
        Patient.objects.filter(clinic=clinic, record_number__lte=500).values_list("pk", flat=True)
    )

    def page() -> None:
        response = client.get(f"/patients/{rng.choice(ids)}/")
        assert response.status_code == 200, response.status_code

    def partial() -> None:
        response = client.get("/patients/", {"q": pick_family()[:3]}, headers={"HX-Request": "1"})
        assert response.status_code == 200, response.status_code

    results.append(("page: patient detail (HTTP)", timed(samples, page)))
    results.append(("page: search results (HTTP)", timed(samples, partial)))
    return results


def searcher(
    search: Callable[[Any, str], object], clinic: Any, make_query: Callable[[], str]
) -> Callable[[], object]:
    return lambda: search(clinic, make_query())


def timed(samples: int, action: Callable[[], object]) -> list[float]:
    for _ in range(min(20, samples)):
        action()  # warm caches and connections; not counted
    timings = []
    for _ in range(samples):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def print_table(url: str, size: int, rows: list[tuple[str, list[float]]]) -> None:
    vendor = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"\n{vendor}, {size:,} patients in the clinic searched; times in ms\n")
    print(f"| {'measure':<30} | {'samples':>7} | {'median':>7} | {'p95':>7} |")
    print(f"| {'-' * 30} | {'-' * 7}:| {'-' * 6}:| {'-' * 6}:|")
    for label, timings in rows:
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[18]
        print(f"| {label:<30} | {len(timings):>7} | {median:>7.2f} | {p95:>7.2f} |")


if __name__ == "__main__":
    sys.exit(main())
