"""A real SMTP server (aiosmtpd) on a free loopback port, and the follow-up cast."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from pytest_django.fixtures import Settings

from glabella.accounts.models import Clinic, User
from glabella.patients.models import Patient

from .builders import patient_in


class Inbox:
    """The SMTP server's handler: keeps accepted mail; ``refuse`` makes RCPT fail."""

    def __init__(self) -> None:
        self.mails: list[EmailMessage] = []
        self.refuse: str | None = None

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        mail = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(mail, EmailMessage)
        self.mails.append(mail)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp(settings: Settings) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "clinic@example.org"
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def patient(clinic_a: Clinic) -> Patient:
    return patient_in(clinic_a)


@pytest.fixture
def clinician(injector: User) -> User:
    return injector
