"""Abuse protection for the anonymous channel without storing who asked.

Limits are shared by every server process: in the database by default (``LimitCount``,
one conditional UPDATE a bucket), in Redis when ``WEERBAAR_REDIS_URL`` is set (Django's
cache). A client is known only by a
keyed hash of the address its nearest trusted proxy saw (``core.client_address``), with a
random salt that lives in the same cache and is replaced every hour; once it expires
nobody can tell which count belonged to which address. The address itself is never
stored.

Two limits apply to each request: one per client (so one person cannot block the channel
for everyone) and one for all residents together (so a flood from many addresses cannot
bury the handlers), each a cell-rate bucket: ``burst`` requests at once, then one per
``seconds``.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import time
from contextlib import AbstractContextManager, nullcontext
from enum import Enum

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import IntegrityError, router, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from weerbaar.signals.models import LimitCount

SALT_LIFETIME = 3600
CACHE = "limits"
#: one new bucket in this many also clears the buckets that are empty again (a past
#: arrival time counts as no bucket), so the table stays as small as the last minutes
SWEEP_ONE_IN = 100

#: name -> (burst size, seconds per extra request); "<name>:iedereen" is the ceiling for
#: all clients together.
DEFAULT_LIMITS = {
    "melden": (10, 60.0),
    "melden:iedereen": (200, 3.0),
    "status": (20, 6.0),
    "status:iedereen": (600, 0.5),
}


class Verdict(Enum):
    ALLOWED = "allowed"
    CLIENT = "client"  # this client asked too often
    EVERYONE = "everyone"  # the channel as a whole is at its ceiling


def busy_message(verdict: Verdict) -> str:
    """What the resident reads, in Dutch, for each reason of a refusal."""
    if verdict is Verdict.EVERYONE:
        return _(
            "Er komen op dit moment heel veel meldingen tegelijk binnen. Probeer het over "
            "een kwartier opnieuw. Is er direct gevaar? Bel 112. Anoniem melden kan ook "
            "bij Meld Misdaad Anoniem: 0800-7000."
        )
    return _(
        "Er zijn vanaf deze verbinding veel meldingen of opvragingen gedaan. Wacht een paar "
        "minuten en probeer het dan opnieuw. Uw eerdere meldingen zijn wel ontvangen."
    )


class RateLimiter:
    def __init__(self) -> None:
        # this hour's salt, once read: it never changes within its hour (``add`` keeps the
        # first one stored), so a request needs no cache write for it
        self._kept_salt: tuple[int, bytes] | None = None

    def _cache(self) -> BaseCache:
        return caches[CACHE]

    def _salt(self, now: float) -> bytes:
        slot = int(now // SALT_LIFETIME)
        kept = self._kept_salt
        if kept is not None and kept[0] == slot:
            return kept[1]
        key = f"salt:{slot}"
        cache = self._cache()
        cache.add(key, secrets.token_hex(32), timeout=2 * SALT_LIFETIME)
        stored = cache.get(key)
        if stored is None:  # the cache lost it: this request's own salt, not kept
            return secrets.token_bytes(32)
        self._kept_salt = (slot, bytes.fromhex(stored))
        return self._kept_salt[1]

    def client_key(self, address: str) -> str:
        salt = self._salt(time.time())
        return hmac.new(salt, address.encode(), hashlib.sha256).hexdigest()

    def _limits(self, name: str) -> tuple[int, float]:
        limits = {**DEFAULT_LIMITS, **getattr(settings, "WEERBAAR_RATE_LIMITS", {})}
        return limits.get(name, DEFAULT_LIMITS[name])

    def _in_database(self) -> bool:
        return isinstance(self._cache(), DatabaseCache)

    def _take(self, bucket: str, name: str, now: float) -> bool:
        """Generic cell-rate algorithm: one stored time per bucket ("theoretical
        arrival time"); a request fits while that time is at most burst-1 intervals
        ahead."""
        burst, interval = self._limits(name)
        latest = self._latest_fitting(now, name)
        if self._in_database():
            return self._take_in_table(bucket, now, latest, interval)
        cache = self._cache()
        arrival = max(float(cache.get(bucket, now)), now)
        if arrival > latest:
            return False
        cache.set(bucket, arrival + interval, timeout=int(burst * interval) + 60)
        return True

    def _latest_fitting(self, now: float, name: str) -> float:
        """The latest stored arrival time at which one more request still fits: burst-1
        intervals ahead of now."""
        burst, interval = self._limits(name)
        return now + (burst - 1) * interval

    def _take_in_table(self, bucket: str, now: float, latest: float, interval: float) -> bool:
        """One UPDATE that takes a request only if it fits, under the row's lock, so two
        processes cannot both take the last one; a bucket not there yet is made full."""
        for _attempt in range(2):
            taken = LimitCount.objects.filter(key=bucket, arrival__lte=latest).update(
                arrival=Greatest(F("arrival"), now) + interval
            )
            if taken:
                return True
            if LimitCount.objects.filter(key=bucket).exists():
                return False  # there, and full
            try:
                with transaction.atomic():
                    LimitCount.objects.create(key=bucket, arrival=now + interval)
            except IntegrityError:
                continue  # made meanwhile by another process: take from it
            if random.randrange(SWEEP_ONE_IN) == 0:  # noqa: S311 - not for security
                sweep(now=now)
            return True
        return False

    def check(self, key: str, name: str) -> Verdict:
        now = time.time()
        with self._one_commit():
            if not self._take(f"{name}:{key}", name, now):
                return Verdict.CLIENT
            if not self._take(f"{name}:iedereen", f"{name}:iedereen", now):
                return Verdict.EVERYONE
            return Verdict.ALLOWED

    def peek(self, key: str, name: str) -> Verdict:
        """What ``check`` would say now, without taking anything: one read, no write lock.
        Lets a refused client be turned away before its report is read and checked, when
        the request is then taken in the report's own transaction."""
        now = time.time()
        buckets = {f"{name}:{key}": name, f"{name}:iedereen": f"{name}:iedereen"}
        if self._in_database():
            arrivals = dict(
                LimitCount.objects.filter(key__in=list(buckets)).values_list("key", "arrival")
            )
        else:
            arrivals = self._cache().get_many(list(buckets))
        for bucket, limit in buckets.items():
            if float(arrivals.get(bucket, now)) > self._latest_fitting(now, limit):
                return Verdict.CLIENT if limit == name else Verdict.EVERYONE
        return Verdict.ALLOWED

    def _one_commit(self) -> AbstractContextManager[object]:
        """Both buckets in one transaction when the counts live in the database: one
        commit (one fsync on SQLite) a request instead of one per bucket."""
        if not self._in_database():
            return nullcontext()
        return transaction.atomic(using=router.db_for_write(LimitCount))

    def reset(self) -> None:
        self._cache().clear()
        if self._in_database():
            LimitCount.objects.all().delete()
        self._kept_salt = None


limiter = RateLimiter()


def sweep(*, now: float | None = None, dry_run: bool = False) -> list[str]:
    """Removes the buckets that are empty again (their arrival time has passed): a client
    key with a time is kept no longer than its limit needs. Also run by ``weerbaar purge``."""
    due = LimitCount.objects.filter(arrival__lt=time.time() if now is None else now)
    count = due.count() if dry_run else due.delete()[0]
    if not count:
        return []
    if dry_run:
        text = ngettext(
            "%(count)d lege teller van het meldkanaal te verwijderen",
            "%(count)d lege tellers van het meldkanaal te verwijderen",
            count,
        )
    else:
        text = ngettext(
            "%(count)d lege teller van het meldkanaal verwijderd",
            "%(count)d lege tellers van het meldkanaal verwijderd",
            count,
        )
    return [text % {"count": count}]
