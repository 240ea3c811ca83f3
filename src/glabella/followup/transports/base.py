"""The transport interface: ``send(message)`` succeeds or says whether to try again.

A transport raises :class:`TransientError` when the same message may go through later
(server busy, connection refused, 4xx SMTP reply) and :class:`PermanentError` when
retrying cannot help (5xx SMTP reply, invalid address). The worker retries the first
with backoff and surfaces the second to the front desk; any other exception is treated
as transient, so a bug in a provider plug-in never silently drops a message.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from glabella.followup.models import Message

DEFAULTS = {
    "email": "glabella.followup.transports.email.SmtpTransport",
    "sms": "glabella.followup.transports.sms.LoggingSmsTransport",
}
SETTINGS = {"email": "GLABELLA_EMAIL_TRANSPORT", "sms": "GLABELLA_SMS_TRANSPORT"}


class TransportError(Exception):
    """A delivery attempt failed; the subclass says whether to retry."""

    permanent = False


class TransientError(TransportError):
    """Try again later."""


class PermanentError(TransportError):
    """Retrying will not help; a person has to look at it."""

    permanent = True


class Transport(Protocol):
    def send(self, message: Message) -> None: ...


def transport_path(channel: str) -> str:
    return getattr(settings, SETTINGS[channel], "") or DEFAULTS[channel]


@cache
def _load(path: str) -> Transport:
    transport: Transport = import_string(path)()
    return transport


def transport_for(channel: str) -> Transport:
    """The configured transport of a channel, built once per process."""
    return _load(transport_path(channel))
