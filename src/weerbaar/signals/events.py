"""Hooks other apps may follow without the signals app knowing them.

``signal_recorded`` is sent after a new signal is committed (sender: the Signal class,
``instance``: the signal). Receivers run after the reporter's data is safe; a failing
receiver is logged and never undoes or blocks the intake.
"""

from __future__ import annotations

from typing import Any

import django.dispatch
import structlog

log = structlog.get_logger(__name__)

signal_recorded = django.dispatch.Signal()


def announce(instance: Any) -> None:
    for receiver, result in signal_recorded.send_robust(sender=type(instance), instance=instance):
        if isinstance(result, Exception):
            # Only where and what kind: an exception text may quote what the reporter typed.
            log.error(
                "signal_receiver_failed",
                receiver=getattr(receiver, "__qualname__", "?"),
                error=type(result).__name__,
            )


#: Panels other apps add to a signal's back-office page: callables (request, signal) that
#: return (template name, context) or None.
detail_panels: list[Any] = []
