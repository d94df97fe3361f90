"""Gunicorn settings, for ``weerbaar serve`` (``make run``) and production
(``gunicorn -c python:weerbaar.conf.gunicorn weerbaar.wsgi``; ``deploy/gunicorn.conf.py``).

No access log: for the anonymous reporting pages Weerbaar keeps no client addresses, and
the server must not either. Configure the reverse proxy in front the same way (see
``deploy/nginx.conf``: no access log for /melden/ and /api/v1/public/).

``WEERBAAR_BIND``, ``WEERBAAR_WORKERS`` and ``WEERBAAR_THREADS`` size it; the defaults fit
a laptop or a small virtual machine (2 cores).
"""

from __future__ import annotations

import os
from typing import Any

bind = os.environ.get("WEERBAAR_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEERBAAR_WORKERS", "2"))
threads = int(os.environ.get("WEERBAAR_THREADS", "8"))
worker_class = "gthread"
preload_app = True  # workers start with the trained category model and the warm caches
accesslog = None
errorlog = "-"
loglevel = "warning"
# The API refuses addresses over 4,000 characters itself (problem+json 414); up to this many
# bytes gunicorn lets them through to be refused that way, beyond it answers on its own.
limit_request_line = 8190
graceful_timeout = 20


def on_starting(server: Any) -> None:
    """Before the socket opens and the workers fork: warm what the first requests need."""
    from weerbaar.warmup import warm

    warm()


def child_exit(server: Any, worker: Any) -> None:
    """A worker stopped: its live gauges leave the metrics (``core.metrics``)."""
    from weerbaar.core.metrics import process_ended

    process_ended(worker.pid)
