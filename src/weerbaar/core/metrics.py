"""Prometheus metrics, for the people who run Weerbaar: requests, latencies and response
sizes per view (django-prometheus), and the background jobs waiting. No person, no
address, no record and no path with an id: a label is a view's name, a method, a status.

The endpoint ``/metrics`` answers only with ``WEERBAAR_METRICS_TOKEN`` set, and only to
``Authorization: Bearer <token>``; without the setting it does not exist (404). Under
``weerbaar serve`` every process writes its counts to ``<var>/metrics`` (prometheus_client's
multiprocess mode), so one scrape sums all of them.
"""

from __future__ import annotations

import hmac
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"


def token() -> str:
    return str(getattr(settings, "WEERBAAR_METRICS_TOKEN", "") or "")


def metrics(request: HttpRequest) -> HttpResponse:
    expected = token()
    if not expected:
        raise Http404
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {expected}".encode()):
        response = HttpResponse(
            "Geef de sleutel voor de meetwaarden mee (Authorization: Bearer …).\n",
            content_type="text/plain; charset=utf-8",
            status=401,
        )
        response["WWW-Authenticate"] = 'Bearer realm="weerbaar-metrics"'
        return response
    response = HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response


def _registry() -> CollectorRegistry:
    """This scrape's registry: every process's counts (or this process's), and the jobs
    waiting, read from the database now."""
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROCESS_ENV):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_ThisProcess())
    registry.register(_Jobs())
    return registry


class _ThisProcess(Collector):
    def collect(self) -> Iterable[Metric]:
        return REGISTRY.collect()


class _Jobs(Collector):
    def collect(self) -> Iterable[Metric]:
        from weerbaar.core.readiness import waiting_jobs

        count, waited = waiting_jobs()
        yield GaugeMetricFamily(
            "weerbaar_jobs_waiting", "Background jobs waiting for the worker.", value=count
        )
        yield GaugeMetricFamily(
            "weerbaar_jobs_oldest_wait_seconds",
            "How long the oldest waiting background job has waited.",
            value=waited,
        )


def prepare_folder(var_dir: Path) -> dict[str, str]:
    """A fresh folder for the counts of the processes about to start (the counts of a
    previous run would otherwise be added to theirs): the environment to start them with."""
    folder = Path(var_dir) / "metrics"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return {MULTIPROCESS_ENV: str(folder)}


def process_ended(pid: int) -> None:
    """A gunicorn worker stopped: its gauges no longer count (its counters stay summed)."""
    if os.environ.get(MULTIPROCESS_ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)
