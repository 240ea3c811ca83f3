"""Email over SMTP with Django's SMTP backend (``EMAIL_HOST``, ``EMAIL_PORT``, …).

The SMTP backend is named explicitly rather than taken from ``EMAIL_BACKEND``: the
worker's job is to talk SMTP, and Django's test runner swaps ``EMAIL_BACKEND`` for an
in-memory one. Every email carries the message's idempotency key twice: in
``X-Glabella-Idempotency-Key`` and in a ``Message-ID`` derived from it, so a resend
after a crash has the same Message-ID and a receiving system can drop the duplicate.
"""

from __future__ import annotations

import hashlib
import smtplib
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from glabella.followup.transports.base import PermanentError, TransientError

if TYPE_CHECKING:
    from glabella.followup.models import Message

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
IDEMPOTENCY_HEADER = "X-Glabella-Idempotency-Key"
TIMEOUT_SECONDS = 30


def message_id(idempotency_key: str) -> str:
    digest = hashlib.sha256(idempotency_key.encode()).hexdigest()[:40]
    return f"<{digest}@glabella>"


def build_email(message: Message) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to_address],
        headers={
            "Message-ID": message_id(message.idempotency_key),
            IDEMPOTENCY_HEADER: message.idempotency_key,
        },
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    return email


def classify(error: Exception) -> PermanentError | TransientError:
    """SMTP 5xx replies are permanent, 4xx replies and network trouble transient."""
    code = smtp_code(error)
    text = f"SMTP {code}" if code else type(error).__name__
    if code is not None and 500 <= code < 600:
        return PermanentError(text)
    return TransientError(text)


def smtp_code(error: Exception) -> int | None:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return min(codes) if codes else None  # a 4xx among them means "try again"
    if isinstance(error, smtplib.SMTPResponseException):
        return int(error.smtp_code)
    return None


class SmtpTransport:
    def send(self, message: Message) -> None:
        connection = get_connection(SMTP_BACKEND, fail_silently=False, timeout=TIMEOUT_SECONDS)
        try:
            connection.send_messages([build_email(message)])
        except (smtplib.SMTPException, OSError) as error:
            raise classify(error) from error
