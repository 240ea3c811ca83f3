"""Start Django for commands that need the database."""

from __future__ import annotations

import os


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glabella.settings")
    import django

    django.setup()
