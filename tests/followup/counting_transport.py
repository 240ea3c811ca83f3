"""A transport for the worker-process tests: appends each idempotency key to a file.

Each key is one ``write`` on a file opened with O_APPEND, so lines from concurrent
processes never interleave; the test counts lines (sends) against distinct keys.
``GLABELLA_TEST_SEND_DELAY`` (seconds) slows each send so a test can kill a worker
mid-batch.
"""

from __future__ import annotations

import os
import time
from typing import Any

LOG = "GLABELLA_TEST_DELIVERY_LOG"
DELAY = "GLABELLA_TEST_SEND_DELAY"


class CountingTransport:
    def __init__(self) -> None:
        self.fd = os.open(os.environ[LOG], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self.delay = float(os.environ.get(DELAY, "0"))

    def send(self, message: Any) -> None:
        if self.delay:
            time.sleep(self.delay)
        os.write(self.fd, f"{message.idempotency_key}\n".encode())
