"""One door per state change: a transaction, a row lock, and a fresh read of the row.

A page reads a record, the official clicks, and the service changes it. Between the read
and the click another official may have changed it. ``door`` makes every state-changing
service start by locking the row (``SELECT ... FOR UPDATE``; on SQLite the IMMEDIATE
transaction already holds the one write lock) and reloading the caller's object from it,
so the transition is checked against what is in the database now, not what the page saw.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import structlog
from django.db import transaction
from django.db.models import Model

log = structlog.get_logger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


def lock(obj: Model) -> None:
    """Lock ``obj``'s row for the rest of the transaction and reload ``obj`` from it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock() hoort binnen een transactie")
    obj.refresh_from_db(from_queryset=type(obj)._default_manager.select_for_update())


def door(argument: str, *, quiet: bool = False) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Run the service in a transaction that first locks the record named ``argument``;
    after the commit, log the event with the record's type and id (never its content).
    ``quiet``: a door a reporter of an anonymous report walks through logs nothing, since
    a record id beside the log's timestamp could be joined to a proxy's address log."""

    def wrap(function: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(function)
        event = f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}"

        @functools.wraps(function)
        def inner(*args: P.args, **kwargs: P.kwargs) -> R:
            record: Any = signature.bind(*args, **kwargs).arguments[argument]
            with transaction.atomic():
                lock(record)
                result = function(*args, **kwargs)
                if not quiet:
                    label, pk = record._meta.label_lower, record.pk
                    transaction.on_commit(lambda: log.info(event, record=label, record_id=pk))
                return result

        return inner

    return wrap
