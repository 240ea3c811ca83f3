"""SMS transports. The default only logs; a clinic plugs in its provider by dotted path.

``GLABELLA_SMS_TRANSPORT=mypackage.sms.ProviderTransport`` names a class with a
``send(message)`` method that raises :class:`~glabella.followup.transports.base.TransientError`
or :class:`~glabella.followup.transports.base.PermanentError`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glabella.followup.models import Message

logger = logging.getLogger("glabella.followup.sms")


class LoggingSmsTransport:
    """Logs that a text would be sent: the message id and length, never number or text."""

    def send(self, message: Message) -> None:
        logger.info(
            "sms message %s: %d characters (logging transport)", message.pk, len(message.body)
        )
