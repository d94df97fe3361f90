"""Abuse protection for the anonymous form without storing who asked.

A token bucket per client, kept in this process's memory only, keyed on a keyed hash of
the client address with a random salt that is replaced every hour. The address itself
is never stored; after the salt is replaced nobody (not even this process) can tell
which bucket belonged to which address. With several server processes each has its own
buckets, so the effective limit is the limit times the number of processes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from django.conf import settings

SALT_LIFETIME = 3600.0
MAX_BUCKETS = 100_000

#: name -> (burst size, seconds per extra token)
DEFAULT_LIMITS = {"melden": (5, 120.0), "status": (20, 6.0)}


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._salt = secrets.token_bytes(32)
        self._salt_born = time.monotonic()
        self._buckets: dict[tuple[str, str], _Bucket] = {}

    def client_key(self, address: str) -> str:
        with self._lock:
            self._rotate_if_old()
            return hmac.new(self._salt, address.encode(), hashlib.sha256).hexdigest()

    def _rotate_if_old(self) -> None:
        if time.monotonic() - self._salt_born > SALT_LIFETIME:
            self._salt = secrets.token_bytes(32)
            self._salt_born = time.monotonic()
            self._buckets.clear()

    def allow(self, key: str, name: str) -> bool:
        limits = getattr(settings, "WEERBAAR_RATE_LIMITS", DEFAULT_LIMITS)
        burst, seconds_per_token = limits.get(name, DEFAULT_LIMITS[name])
        now = time.monotonic()
        with self._lock:
            self._rotate_if_old()
            if len(self._buckets) > MAX_BUCKETS:
                self._buckets.clear()
            bucket = self._buckets.get((name, key))
            if bucket is None:
                bucket = self._buckets[(name, key)] = _Bucket(float(burst), now)
            bucket.tokens = min(
                float(burst), bucket.tokens + (now - bucket.updated) / seconds_per_token
            )
            bucket.updated = now
            if bucket.tokens < 1:
                return False
            bucket.tokens -= 1
            return True

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()


limiter = RateLimiter()
