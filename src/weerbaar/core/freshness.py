"""A stamp read from the database, reused in a process for a few seconds.

Caches here are keyed by a stamp of the data they are made of (the areas, the imported
values). Reading the stamp is a query or two on every request; reusing it for a couple
of seconds means a change made by another process (an import) shows everywhere within
that time, and a request costs no query for it. The tests set the time to 0: at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_kept: dict[str, tuple[float, object]] = {}
_lock = threading.Lock()


def fresh(name: str, read: Callable[[], T], seconds: float) -> T:
    """``read()``, or its value read less than ``seconds`` ago under ``name``."""
    now = time.monotonic()
    kept = _kept.get(name)
    if kept is not None and now - kept[0] < seconds:
        return kept[1]  # type: ignore[return-value]
    value = read()
    with _lock:
        _kept[name] = (now, value)
    return value


def forget(*names: str) -> None:
    """Reads these stamps (all when none is named) afresh next time: after a change made
    in this process, which should show at once."""
    with _lock:
        if names:
            for name in names:
                _kept.pop(name, None)
        else:
            _kept.clear()
