"""Laptop settings: embedded SQLite, secret key generated once under ``var/``."""

from __future__ import annotations

import secrets

from weerbaar.conf.base import *  # noqa: F403
from weerbaar.conf.base import VAR_DIR


def _local_secret_key() -> str:
    """A per-installation key kept in var/, so sessions survive restarts."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _local_secret_key()
