"""What other apps do when a session is signed: stock deduction, aftercare, forecasts.

Register from your app's ``AppConfig.ready()``::

    from glabella.treatments.hooks import register_on_signed

    def deduct_stock(session: Session) -> None: ...

    register_on_signed(deduct_stock)

Contract:
- A hook is ``Callable[[Session], None]``. The sign flow calls every hook INSIDE the
  signing transaction, after the session is frozen (status signed, ``signed_by``,
  ``signed_at``, ``knowledge_version`` and ``assessment`` saved), in registration order.
- A hook that raises :class:`glabella.errors.DomainError` (or a subclass) aborts the
  signing: the transaction rolls back, the session stays a draft, and the error's message
  reaches the user unchanged. Any other exception rolls back too and propagates as a bug.
- Hooks write only their own app's tables, through their own actions. They must not
  send anything to the outside world directly (the transaction may still roll back):
  write an outbox row that a worker sends after commit.
- Registering the same function twice is a no-op, so ``ready()`` running twice is safe.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glabella.treatments.models import Session

SignedHook = Callable[["Session"], None]

_on_signed: list[SignedHook] = []


def register_on_signed(hook: SignedHook) -> SignedHook:
    """Add ``hook`` to the hooks run at signing; returns it, so it works as a decorator."""
    if hook not in _on_signed:
        _on_signed.append(hook)
    return hook


def unregister_on_signed(hook: SignedHook) -> None:
    """Remove a hook (tests use this to clean up)."""
    if hook in _on_signed:
        _on_signed.remove(hook)


def on_signed_hooks() -> tuple[SignedHook, ...]:
    return tuple(_on_signed)


def run_on_signed(session: Session) -> None:
    for hook in on_signed_hooks():
        hook(session)
