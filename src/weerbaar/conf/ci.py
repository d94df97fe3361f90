"""Test settings: fast password hashing, a fixed secret, and the same database choice
as the environment (SQLite by default, PostgreSQL with ``DATABASE_URL``)."""

from __future__ import annotations

from weerbaar.conf.base import *  # noqa: F403

SECRET_KEY = "weerbaar-tests-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
# the area stamp is read afresh on every call: tests change areas between two requests
WEERBAAR_AREA_STAMP_SECONDS = 0
# and the monitor's data stamp too: tests import and read in one process
WEERBAAR_DATA_STAMP_SECONDS = 0
