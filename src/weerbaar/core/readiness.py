"""Readiness: may this process get traffic? The database answers, every migration has
run, and background jobs do not wait longer than ``WEERBAAR_READY_MAX_WAIT`` seconds
(a stalled worker). Liveness (``/gezond``) asks none of this: only that the process runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

DEFAULT_MAX_WAIT = 600


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def checks() -> list[Check]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return [Check("database", False, type(exc).__name__)]
    result = [Check("database", True, connection.vendor)]
    executor = MigrationExecutor(connection)
    waiting = executor.migration_plan(executor.loader.graph.leaf_nodes())
    result.append(Check("migraties", not waiting, f"{len(waiting)} nog niet uitgevoerd"))
    result.append(_backlog())
    return result


def waiting_jobs() -> tuple[int, float]:
    """Background jobs waiting for the worker, and how many seconds the oldest has waited
    (also for ``core.metrics``)."""
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    waited = (timezone.now() - oldest) if oldest else dt.timedelta(0)
    return ready.count(), waited.total_seconds()


def _backlog() -> Check:
    limit = int(getattr(settings, "WEERBAAR_READY_MAX_WAIT", DEFAULT_MAX_WAIT))
    count, waited = waiting_jobs()
    detail = f"{count} wachtend, oudste {int(waited)} s"
    return Check("achtergrondtaken", waited <= limit, detail)
