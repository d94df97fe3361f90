"""What a server process does once before it serves: the work the first requests after a
restart would otherwise do (importing every view, planner statistics, the monitor's most
asked answers, the report form's lists). Run in gunicorn's master before it forks (``conf/gunicorn.py``), so
every worker starts with it and shares the memory."""

from __future__ import annotations

import time

import structlog

log = structlog.get_logger(__name__)


def warm(*, close_connections: bool = True) -> None:
    """Never stops a start: a database without tables yet (before ``migrate``) only
    means there is nothing to warm. ``close_connections=False`` keeps the connection
    (a test's transaction runs on it)."""
    from django.db import DatabaseError, connections
    from django.urls import get_resolver

    from weerbaar.core import database
    from weerbaar.monitor.services import answers
    from weerbaar.signals.services import location

    start = time.perf_counter()
    get_resolver().url_patterns  # noqa: B018 - imports every view: 2 s on a first request
    try:
        database.optimise()
        made = answers.warm()
        location.choices()
    except DatabaseError as exc:
        log.warning("warm_up_skipped", error=type(exc).__name__)
    else:
        log.info("warm_up_done", answers=made, seconds=round(time.perf_counter() - start, 2))
    finally:
        if close_connections:
            connections.close_all()  # a forked worker must not share the master's connection
