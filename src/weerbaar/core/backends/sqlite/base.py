"""Django's SQLite backend, with writers taking turns in a queue instead of sleeping.

SQLite lets one writer in at a time. A connection that finds the database locked waits
in SQLite's busy handler, which sleeps 1, 2, 5, 10 … up to 100 ms between tries and
keeps no queue: under 50 concurrent reports most of the time went to sleeping while the
lock was free. Here a transaction first takes a lock of its own: a thread lock within the
process, then an exclusive ``flock`` on ``<database>-schrijver.lock`` shared by every
process on the machine, and only then ``BEGIN IMMEDIATE``. One thread per process asks
for the file lock, every half millisecond, until the writer before it commits or rolls
back; the wait is bounded by the ``timeout`` option, as SQLite's own. Readers never take
it: in WAL mode they do not block a writer. An in-memory database (the tests) has one
process: the thread lock is enough.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path
from typing import Any

from django.db import OperationalError
from django.db.backends.sqlite3 import base

#: per database: the thread lock of this process and the open lock file
_WRITERS: dict[str, tuple[threading.Lock, int | None]] = {}
_GUARD = threading.Lock()
POLL_SECONDS = 0.0005


def _in_memory(name: str) -> bool:
    return name == ":memory:" or "mode=memory" in name or name.startswith("file:memorydb")


def _writer(name: str) -> tuple[threading.Lock, int | None]:
    with _GUARD:
        found = _WRITERS.get(name)
        if found is None:
            descriptor = None
            if not _in_memory(name):
                path = Path(f"{name}-schrijver.lock")
                descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            found = _WRITERS[name] = (threading.Lock(), descriptor)
        return found


def _after_fork() -> None:
    """A forked process has its own turn: the parent's lock file is shared with it (one
    open file description), and a flock on it would be the parent's."""
    for _lock, descriptor in _WRITERS.values():
        if descriptor is not None:
            os.close(descriptor)
    _WRITERS.clear()


os.register_at_fork(after_in_child=_after_fork)


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._holds_writer: tuple[threading.Lock, int | None] | None = None

    def _start_transaction_under_autocommit(self) -> None:
        self._take_writer()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]
        except BaseException:
            self._release_writer()
            raise

    def _take_writer(self) -> None:
        """Waits as long as SQLite itself would (the ``timeout`` option), then says what
        SQLite says."""
        lock, descriptor = _writer(str(self.settings_dict["NAME"]))
        patience = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        if not lock.acquire(timeout=patience):
            raise OperationalError("database is locked")
        if descriptor is not None:
            deadline = time.monotonic() + patience
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        lock.release()
                        raise OperationalError("database is locked") from None
                    time.sleep(POLL_SECONDS)  # short and even: no 100 ms naps
        self._holds_writer = (lock, descriptor)

    def _release_writer(self) -> None:
        held, self._holds_writer = self._holds_writer, None
        if held is not None:
            lock, descriptor = held
            if descriptor is not None:
                fcntl.flock(descriptor, fcntl.LOCK_UN)
            lock.release()

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]
        finally:
            self._release_writer()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]
        finally:
            self._release_writer()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]
        finally:
            self._release_writer()
