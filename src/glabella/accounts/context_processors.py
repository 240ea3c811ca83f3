from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def clinic(request: HttpRequest) -> dict[str, Any]:
    """The current clinic and membership, shown on every page."""
    return {
        "current_clinic": getattr(request, "clinic", None),
        "current_membership": getattr(request, "membership", None),
    }
