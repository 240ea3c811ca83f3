"""``glabella worker``: send the reminders outbox (continuously, or one pass with --once).

Each pass schedules what came due (appointment and refresh reminders), then claims and
sends due messages in batches. Output is counts only, never patient data. SIGTERM and
SIGINT stop after the message in hand; a worker killed harder loses nothing (its claimed
messages are retried when their lease expires; see ``glabella.followup.worker``).
"""

from __future__ import annotations

import argparse
import logging
import signal
import time
from types import FrameType
from typing import Any

from glabella.cli import django_setup
from glabella.cli.serve import bounded_int

logger = logging.getLogger("glabella.followup.worker")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("worker", help="send due reminders and aftercare messages")
    parser.add_argument("--once", action="store_true", help="one pass until nothing is due")
    parser.add_argument("--batch", type=lambda t: bounded_int(t, 1, 1000), default=50)
    parser.add_argument(
        "--interval", type=lambda t: bounded_int(t, 1, 3600), default=10, help="idle sleep (s)"
    )
    parser.add_argument(
        "--lease", type=lambda t: bounded_int(t, 1, 3600), default=300, help="claim lease (s)"
    )
    parser.add_argument("--no-schedule", action="store_true", help="send only; do not schedule")
    parser.set_defaults(func=run)


class Stop:
    requested = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True


def run(args: argparse.Namespace) -> int:
    django_setup.setup()
    from django.db import DatabaseError, InterfaceError, close_old_connections

    from glabella.followup import worker

    stop = Stop()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    worker_id = worker.new_worker_id()
    if args.once:
        one_pass(args, worker_id, stop)
        return 0
    while not stop.requested:
        # A long-running process must drop connections past CONN_MAX_AGE or broken ones.
        close_old_connections()
        try:
            claimed = one_pass(args, worker_id, stop)
        except (DatabaseError, InterfaceError) as error:
            # The database went away (restart, failover): reconnect on the next pass.
            logger.warning("worker pass failed: %s", type(error).__name__)
            claimed = 0
        if not claimed:
            pause(args.interval, stop)
    return 0


def one_pass(args: argparse.Namespace, worker_id: str, stop: Stop) -> int:
    from django.utils import timezone

    from glabella.followup import schedule, worker

    scheduled = 0 if args.no_schedule else schedule.enqueue_due(timezone.now())
    counts = worker.drain(worker_id, args.batch, args.lease, should_stop=lambda: stop.requested)
    if args.once or counts.claimed or scheduled:
        print(f"scheduled={scheduled} {counts.as_text()}", flush=True)
    return counts.claimed


def pause(seconds: int, stop: Stop) -> None:
    """Sleep in short steps so SIGTERM stops an idle worker promptly."""
    deadline = time.monotonic() + seconds
    while not stop.requested and time.monotonic() < deadline:
        time.sleep(min(0.5, deadline - time.monotonic()))
