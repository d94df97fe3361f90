"""Hooks other apps may follow without the signals app knowing them.

``signal_recorded`` is sent when a new signal is saved, inside the intake's one
transaction (sender: the Signal class, ``instance``: the signal), so a report and what
follows from it (its object links) cost one commit. The receivers run in a savepoint: when
one fails, their work is rolled back to it, the failure is logged, and the report is still
committed. A receiver with an effect outside the database uses ``transaction.on_commit``.
"""

from __future__ import annotations

from typing import Any

import django.dispatch
import structlog
from django.db import transaction

log = structlog.get_logger(__name__)

signal_recorded = django.dispatch.Signal()


class _ReceiverFailed(Exception):
    """Rolls the receivers' savepoint back (also after a database error, which leaves a
    PostgreSQL transaction unusable until then)."""


def announce(instance: Any) -> None:
    try:
        with transaction.atomic():
            failed = [
                (receiver, result)
                for receiver, result in signal_recorded.send_robust(
                    sender=type(instance), instance=instance
                )
                if isinstance(result, Exception)
            ]
            if failed:
                raise _ReceiverFailed
    except _ReceiverFailed:
        for receiver, result in failed:
            # Only where and what kind: an exception text may quote what the reporter typed.
            log.error(
                "signal_receiver_failed",
                receiver=getattr(receiver, "__qualname__", "?"),
                error=type(result).__name__,
            )


#: Panels other apps add to a signal's back-office page: callables (request, signal) that
#: return (template name, context) or None.
detail_panels: list[Any] = []
