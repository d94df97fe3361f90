"""Writers on the embedded SQLite take turns in a queue (``core.backends.sqlite``): a
second writer gets in as soon as the first commits or rolls back, not after SQLite's
naps; a writer that waits longer than the ``timeout`` option hears "database is locked",
as from SQLite itself; and the turn is given back on every way out of a transaction."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError, connections

from weerbaar.core.backends.sqlite.base import DatabaseWrapper


def wrapper(path: Path, timeout: float = 5.0) -> DatabaseWrapper:
    settings = {
        **connections["default"].settings_dict,
        "ENGINE": "weerbaar.core.backends.sqlite",
        "NAME": str(path),
        "OPTIONS": {"timeout": timeout, "transaction_mode": "IMMEDIATE"},
    }
    for key in ("USER", "PASSWORD", "HOST", "PORT"):
        settings[key] = ""
    return DatabaseWrapper(settings, alias=f"schrijvers-{path.stem}")


@pytest.fixture(autouse=True)
def _own_files(django_db_blocker: Any) -> Any:
    """These tests open their own SQLite files, never the test database."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "schrijvers.sqlite3"
    first = wrapper(path)
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE rij (n INTEGER)")
    first.close()
    return path


def write(connection: DatabaseWrapper, value: int, hold: float = 0.0) -> None:
    connection.ensure_connection()
    connection._start_transaction_under_autocommit()
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO rij (n) VALUES (%s)", [value])
    time.sleep(hold)
    connection._commit()


def rows(path: Path) -> list[int]:
    reader = wrapper(path)
    with reader.cursor() as cursor:
        cursor.execute("SELECT n FROM rij ORDER BY n")
        found = [n for (n,) in cursor.fetchall()]
    reader.close()
    return found


def test_writers_of_many_threads_all_get_in(database: Path) -> None:
    errors: list[BaseException] = []

    def work(number: int) -> None:
        connection = wrapper(database)
        try:
            for i in range(10):
                write(connection, number * 100 + i, hold=0.001)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors and len(rows(database)) == 80


def test_the_next_writer_waits_no_longer_than_the_first_writes(database: Path) -> None:
    inside = threading.Event()
    errors: list[BaseException] = []

    def first_writer() -> None:
        connection = wrapper(database)
        try:
            connection.ensure_connection()
            connection._start_transaction_under_autocommit()
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO rij (n) VALUES (1)")
            inside.set()
            time.sleep(0.2)
            connection._commit()
        except BaseException as exc:
            errors.append(exc)
            inside.set()
        finally:
            connection.close()

    holding = threading.Thread(target=first_writer)
    holding.start()
    assert inside.wait(timeout=10)
    second = wrapper(database)
    start = time.monotonic()
    write(second, 2)
    waited = time.monotonic() - start
    holding.join(timeout=10)
    second.close()
    assert not errors and rows(database) == [1, 2]
    assert waited < 0.2 + 0.1  # the first's remaining time, and no nap on top


def test_a_writer_held_up_too_long_hears_database_is_locked(database: Path) -> None:
    """Another process holds the turn (a second open file has its own flock)."""
    other = os.open(f"{database}-schrijver.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(other, fcntl.LOCK_EX)
    impatient = wrapper(database, timeout=0.2)
    try:
        start = time.monotonic()
        with pytest.raises(OperationalError, match="database is locked"):
            write(impatient, 3)
        assert 0.2 <= time.monotonic() - start < 2
    finally:
        fcntl.flock(other, fcntl.LOCK_UN)
        os.close(other)
    write(impatient, 4)  # the failed wait gave its thread's turn back
    impatient.close()
    assert rows(database) == [4]


@pytest.mark.parametrize("ending", ["rollback", "close"])
def test_the_turn_is_given_back_however_a_transaction_ends(database: Path, ending: str) -> None:
    connection = wrapper(database, timeout=0.5)
    connection.ensure_connection()
    connection._start_transaction_under_autocommit()
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO rij (n) VALUES (5)")
    getattr(connection, "_rollback" if ending == "rollback" else "close")()
    after = wrapper(database, timeout=0.5)
    write(after, 6)
    after.close()
    connection.close()
    assert rows(database) == [6]


def test_an_in_memory_database_needs_no_lock_file(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    memory = wrapper(Path(":memory:"))
    memory.settings_dict["NAME"] = ":memory:"
    with memory.cursor() as cursor:
        cursor.execute("CREATE TABLE rij (n INTEGER)")
    write(memory, 7)
    memory.close()
    assert not list(tmp_path.glob("*schrijver.lock"))
