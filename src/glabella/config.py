"""Configuration read from the environment, parsed strictly.

The embedded default (SQLite under ``var/``, a generated secret key) needs no
variables at all; production sets ``DATABASE_URL`` to a ``postgresql://`` URL.
Bad values stop start-up with a message naming the variable and what is allowed.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """An environment variable holds a value Glabella cannot use."""


def var_dir() -> Path:
    """Folder for the embedded database, the generated secret key and uploads."""
    path = Path(os.environ.get("GLABELLA_VAR_DIR", "var")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={raw!r}: expected one of true/false, 1/0, yes/no, on/off")


def env_int(name: str, default: int, minimum: int = 0, maximum: int = 1 << 31) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: expected a whole number") from None
    if not minimum <= value <= maximum:
        raise ConfigError(f"{name}={value}: expected a number from {minimum} to {maximum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_url() -> str:
    raw = os.environ.get("DATABASE_URL")
    if raw is None or not raw.strip():
        return f"sqlite:///{var_dir() / 'glabella.sqlite3'}"
    url = raw.strip()
    if not url.startswith(("sqlite://", "postgres://", "postgresql://")):
        raise ConfigError(
            f"DATABASE_URL={url.split(':', 1)[0]}://…: expected sqlite:///PATH or postgresql://…"
        )
    return url


def secret_key() -> str:
    """The key from GLABELLA_SECRET_KEY, else one generated once into var/."""
    raw = os.environ.get("GLABELLA_SECRET_KEY")
    if raw is not None:
        if len(raw) < 32:
            raise ConfigError("GLABELLA_SECRET_KEY: expected at least 32 characters")
        return raw
    path = var_dir() / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


@dataclass(frozen=True)
class MailConfig:
    host: str
    port: int
    use_tls: bool
    user: str
    password: str
    sender: str


def mail() -> MailConfig:
    return MailConfig(
        host=os.environ.get("GLABELLA_SMTP_HOST", "127.0.0.1"),
        port=env_int("GLABELLA_SMTP_PORT", 25, 1, 65535),
        use_tls=env_bool("GLABELLA_SMTP_TLS", False),
        user=os.environ.get("GLABELLA_SMTP_USER", ""),
        password=os.environ.get("GLABELLA_SMTP_PASSWORD", ""),
        sender=os.environ.get("GLABELLA_MAIL_FROM", "glabella@localhost"),
    )
