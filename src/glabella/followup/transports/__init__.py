"""Ways a message leaves Glabella: one :class:`~.base.Transport` interface per channel.

Each channel's transport is chosen by a dotted path setting (``GLABELLA_EMAIL_TRANSPORT``,
``GLABELLA_SMS_TRANSPORT``), so a clinic can plug in its SMS provider and tests can plug
in a recording transport, without the worker knowing which one runs.
"""

from glabella.followup.transports.base import (
    PermanentError,
    TransientError,
    Transport,
    TransportError,
    transport_for,
)

__all__ = ["PermanentError", "TransientError", "Transport", "TransportError", "transport_for"]
