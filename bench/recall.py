"""Recall ("who received lot X?") at 5 million injection points, beside a raw SQL index scan.

Run with ``.venv/bin/python bench/recall.py [--points N] [--runs R]``. The database is
``DATABASE_URL`` (default ``postgresql://postgres@127.0.0.1:5432/glabella_recall_bench``),
created if missing and migrated; the rows are generated once with ``INSERT … SELECT
generate_series`` straight into the real tables and reused by later runs with the same N.

Shape: 5 points per treatment line, one line per signed session, 200,000 patients, 2,000
toxin lots of 20 vials each; every line names its vial and lot, as charting does. A lot
is therefore in about 500 sessions (2,500 points).

Prints the generation time, then median and 95th percentile over R random lots for:
- ``glabella recall``: :func:`glabella.inventory.queries.recall`, the code the page, API
  and command use (lot lookup, vial lookup, lines by ``lot_id``/``vial_id``, points,
  sessions, patients, injector);
- raw SQL: the same join written by hand, one statement;
- raw index scan: only the lines of the lot through the ``lot_id`` index, the floor;
and the query plan of the recall, so the index use is visible.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from common import open_database

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/glabella_recall_bench"
POINTS_PER_LINE = 5
PATIENTS = 200_000
LOTS = 2_000
VIALS_PER_LOT = 20
INJECTORS = 10

RAW_RECALL = """
SELECT p.id, p.record_number, p.family_name, p.given_name, p.birth_date, p.email, p.phone,
       s.id, s.signed_at, l.product, l.vial_id, SUM(ip.units), SUM(ip.volume_ml),
       u.first_name, u.last_name
FROM treatments_treatmentline l
JOIN treatments_session s ON s.id = l.session_id
JOIN patients_patient p ON p.id = s.patient_id
JOIN accounts_user u ON u.id = s.injector_id
JOIN treatments_injectionpoint ip ON ip.line_id = l.id
WHERE l.clinic_id = %(clinic)s AND s.status = 'signed'
  AND (l.lot_id = ANY(%(lot_ids)s) OR l.vial_id = ANY(%(vial_ids)s))
GROUP BY p.id, s.id, l.id, u.id
"""
RAW_IDS = """
SELECT array_agg(DISTINCT o.id), array_agg(v.id) FROM inventory_lot o
LEFT JOIN inventory_vial v ON v.lot_id = o.id
WHERE o.clinic_id = %(clinic)s AND o.lot_number = %(lot)s
"""
RAW_INDEX_SCAN = "SELECT id FROM treatments_treatmentline WHERE lot_id = %(lot_id)s"


def main() -> int:
    args = parse_args()
    url = os.environ.get("DATABASE_URL", DEFAULT_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("bench/recall.py measures PostgreSQL; set DATABASE_URL=postgresql://…")
    open_database(url)
    started = time.perf_counter()
    generated = ensure_data(args.points)
    took = time.perf_counter() - started
    how = "generated" if generated else "reused"
    print(f"data: {args.points:,} injection points ({how}, {took:.1f} s)")
    measure(args.runs)
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=5_000_000, help="injection points")
    parser.add_argument("--runs", type=int, default=50, help="lots looked up per measure")
    return parser.parse_args()


def ensure_data(points: int) -> bool:
    """Generate the rows unless a previous run left exactly ``points`` of them."""
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM treatments_injectionpoint")
        if cursor.fetchone()[0] == points:
            return False
    lines = points // POINTS_PER_LINE
    with transaction.atomic(), connection.cursor() as cursor:
        # Bulk load: skip triggers (the signed-session guard and FK checks) for this
        # transaction only; every row is consistent by construction.
        cursor.execute("SET LOCAL session_replication_role = replica")
        for statement in generation_sql(lines):
            cursor.execute(statement)
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        cursor.execute("VACUUM ANALYZE")
    return True


TABLES = [
    "accounts_clinic",
    "accounts_user",
    "patients_patient",
    "inventory_lot",
    "inventory_vial",
    "treatments_session",
    "treatments_treatmentline",
    "treatments_injectionpoint",
]


def generation_sql(lines: int) -> list[str]:
    vials = LOTS * VIALS_PER_LOT
    return [
        "TRUNCATE " + ", ".join(TABLES) + ", inventory_stockmovement, audit_auditevent CASCADE",
        "INSERT INTO accounts_clinic (id, name, slug, timezone, created_at) "
        "VALUES (1, 'Bench', 'bench', 'UTC', now())",
        f"""INSERT INTO accounts_user (id, password, is_superuser, username, first_name, last_name,
            email, is_staff, is_active, date_joined)
            SELECT i, '!', false, 'injector' || i, 'Injector', i::text, '', false, true, now()
            FROM generate_series(1, {INJECTORS}) i""",
        f"""INSERT INTO patients_patient (id, clinic_id, record_number, family_name, given_name,
            family_key, given_key, birth_date, sex, email, phone, email_opt_out, sms_opt_out,
            created_at, updated_at)
            SELECT i, 1, i, 'Family' || i, 'Given', 'family' || i, 'given',
              date '1950-01-01' + mod(i, 18000), 'female', 'p' || i || '@example.org',
              '+1555' || lpad(i::text, 7, '0'), false, false, now(), now()
            FROM generate_series(1, {PATIENTS}) i""",
        f"""INSERT INTO inventory_lot (id, clinic_id, product, gtin, lot_number, expiry, unit,
            containers_received, containers_left, amount_per_container, raw_scan, received_at)
            SELECT i, 1, 'botox_cosmetic', '00888880001007', 'L' || lpad(i::text, 6, '0'),
              date '2030-01-01', 'U', {VIALS_PER_LOT}, 0, 100, '', now()
            FROM generate_series(1, {LOTS}) i""",
        f"""INSERT INTO inventory_vial (id, clinic_id, lot_id, units_total, units_left,
            diluent_ml, units_per_0_1ml, concentration_source, reconstituted_at, beyond_use_note)
            SELECT v, 1, (v - 1) / {VIALS_PER_LOT} + 1, 100, 0, 2.5, 4, 'bench', now(), ''
            FROM generate_series(1, {vials}) v""",
        f"""INSERT INTO treatments_session (id, clinic_id, patient_id, injector_id, status, version,
            created_at, updated_at, signed_at, signed_by_id, knowledge_version)
            SELECT s, 1, mod(s, {PATIENTS}) + 1, mod(s, {INJECTORS}) + 1, 'signed', 2,
              timestamptz '2024-01-01' + s * interval '30 seconds',
              timestamptz '2024-01-01' + s * interval '30 seconds',
              timestamptz '2024-01-01' + s * interval '30 seconds', mod(s, {INJECTORS}) + 1, 'bench'
            FROM generate_series(1, {lines}) s""",
        # Lines scatter over the vials (a prime stride), so a lot's sessions are spread in time.
        f"""INSERT INTO treatments_treatmentline (id, clinic_id, session_id, position, product,
            indication, template, vial_id, lot_id)
            SELECT i, 1, i, 0, 'botox_cosmetic', 'glabellar_lines', '',
              mod(i::bigint * 7919, {vials}) + 1,
              mod(i::bigint * 7919, {vials}) / {VIALS_PER_LOT} + 1
            FROM generate_series(1, {lines}) i""",
        f"""INSERT INTO treatments_injectionpoint (id, clinic_id, line_id, position, site, units,
            depth, technique)
            SELECT p, 1, (p - 1) / {POINTS_PER_LINE} + 1, mod(p - 1, {POINTS_PER_LINE}),
              'procerus', 4, 'intramuscular', 'needle'
            FROM generate_series(1, {lines} * {POINTS_PER_LINE}) p""",
    ]


def timed(run: Callable[[str], Any], lots: list[str]) -> tuple[float, float]:
    samples = []
    for lot in lots:
        started = time.perf_counter()
        run(lot)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def measure(runs: int) -> None:
    from django.db import connection

    from glabella.accounts.models import Clinic
    from glabella.inventory.queries import recall

    clinic = Clinic.objects.get(slug="bench")
    rng = random.Random(7)
    lots = [f"L{rng.randint(1, LOTS):06d}" for _ in range(runs)]
    lot_ids = {lot: int(lot[1:]) for lot in lots}

    def raw_params(lot: str) -> dict[str, Any]:
        with connection.cursor() as cursor:
            cursor.execute(RAW_IDS, {"clinic": clinic.pk, "lot": lot})
            ids, vial_ids = cursor.fetchone()
        return {"clinic": clinic.pk, "lot_ids": ids or [], "vial_ids": vial_ids or []}

    def raw(lot: str) -> list[Any]:
        with connection.cursor() as cursor:
            cursor.execute(RAW_RECALL, raw_params(lot))
            return list(cursor.fetchall())

    def index_scan(lot: str) -> list[Any]:
        with connection.cursor() as cursor:
            cursor.execute(RAW_INDEX_SCAN, {"lot_id": lot_ids[lot]})
            return list(cursor.fetchall())

    # Known answer: the recall finds exactly the lines the index scan finds.
    for lot in lots[:5]:
        assert len(recall(clinic, lot)) == len(index_scan(lot)) == len(raw(lot)), lot
    recall(clinic, lots[0])  # warm the caches once
    rows = [
        ("glabella recall (ORM, rows built)", *timed(lambda lot: recall(clinic, lot), lots)),
        ("raw SQL, same join (ids, then join)", *timed(raw, lots)),
        ("raw index scan, lines of the lot", *timed(index_scan, lots)),
    ]
    size = len(recall(clinic, lots[0]))
    print(f"{runs} lots, about {size} patients each\n")
    print(f"{'query':<36} {'median ms':>10} {'p95 ms':>10}")
    for name, median, p95 in rows:
        print(f"{name:<36} {median:>10.1f} {p95:>10.1f}")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + RAW_RECALL, raw_params(lots[0]))
        plan = [row[0] for row in cursor.fetchall()]
    print("\nplan of the recall join (index use):")
    print(
        "\n".join(
            "  " + line for line in plan if "Scan" in line or "Join" in line or "Loop" in line
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
