"""``glabella serve``: collect static files, then run the app under gunicorn."""

from __future__ import annotations

import argparse
import os
from typing import Any

from gunicorn.app.base import BaseApplication

from glabella.cli import django_setup


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("serve", help="serve the web app with gunicorn")
    add_server_arguments(parser)
    parser.set_defaults(func=run)


def add_server_arguments(parser: argparse.ArgumentParser, default_workers: int = 0) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=port_number, default=8000, help="port to bind (8000)")
    parser.add_argument(
        "--workers",
        type=worker_count,
        default=default_workers or default_worker_count(),
        help="gunicorn worker processes (%(default)s)",
    )


def port_number(text: str) -> int:
    return bounded_int(text, 1, 65535)


def worker_count(text: str) -> int:
    return bounded_int(text, 1, 64)


def bounded_int(text: str, low: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{value} is outside {low}..{high}")
    return value


def default_worker_count() -> int:
    return max(2, min(8, 2 * (os.cpu_count() or 1)))


def run(args: argparse.Namespace) -> int:
    django_setup.setup()
    collect_static()
    serve(args.host, args.port, args.workers)
    return 0


def collect_static() -> None:
    """Copy static files into STATIC_ROOT (var/static) where whitenoise serves them."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def serve(host: str, port: int, workers: int) -> None:
    """Run gunicorn in this process until it is stopped (Ctrl-C or SIGTERM)."""
    from django.db import connections

    # Workers are forked from this process: none may inherit an open database connection.
    connections.close_all()
    GlabellaServer(host, port, workers).run()


class GlabellaServer(BaseApplication):  # type: ignore[misc]  # gunicorn ships no types
    """Gunicorn driven from Python, so the console script needs no second executable."""

    def __init__(self, host: str, port: int, workers: int) -> None:
        self.options = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "accesslog": "-",
            "timeout": 60,
            "graceful_timeout": 10,
            # Gunicorn's control socket lives at one path per user, so two servers
            # (a demo beside the test suite) would fight over it; signals suffice.
            "control_socket_disable": True,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from glabella.wsgi import application

        return application
