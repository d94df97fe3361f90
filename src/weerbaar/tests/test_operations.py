"""Running Weerbaar: readiness for a load balancer, the warm-up before the workers fork,
and ``weerbaar serve`` (what ``make run`` starts) serving and stopping cleanly."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_ready_names_each_check_and_is_503_when_jobs_wait_too_long(settings: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    response = Client().get("/gereed")
    body = response.content.decode()
    assert response.status_code == 200, body
    assert "database: ok" in body and "migraties: ok" in body and "achtergrondtaken: ok" in body
    assert response["Cache-Control"] == "no-store"
    job = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="weerbaar.reports.tasks.make_pdf",
        backend_name="default",
        run_after=timezone.now() - dt.timedelta(hours=1),
    )
    DBTaskResult.objects.filter(pk=job.pk).update(
        enqueued_at=timezone.now() - dt.timedelta(hours=1)
    )
    settings.WEERBAAR_READY_MAX_WAIT = 600
    stalled = Client().get("/gereed")
    assert stalled.status_code == 503
    assert "achtergrondtaken: NIET GEREED (1 wachtend, oudste 3600 s)" in stalled.content.decode()
    assert Client().get("/gezond").status_code == 200  # alive all the same


def test_after_the_warm_up_the_first_values_request_is_served_from_memory() -> None:
    from weerbaar.areas.tests.factories import small_country
    from weerbaar.monitor.services import answers, caches
    from weerbaar.monitor.tests.factories import small_monitor
    from weerbaar.warmup import warm

    small_country()
    small_monitor()
    caches.clear()
    warm(close_connections=False)  # in gunicorn's master it closes them before the fork
    built = answers.values_answer.cache_info()
    assert built.currsize > 0
    code = small_monitor_code()
    response = Client().get(f"/api/v1/indicators/{code}/values")
    assert response.status_code == 200 and response.json()["indicator"] == code
    after = answers.values_answer.cache_info()
    assert after.hits == built.hits + 1 and after.currsize == built.currsize


def small_monitor_code() -> str:
    from weerbaar.monitor.models import Indicator

    indicator = next(i for i in Indicator.objects.order_by("code") if "gemeente" in i.levels)
    return str(indicator.code)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.mark.django_db(transaction=True)
def test_serve_starts_gunicorn_and_the_job_worker_and_stops_both(tmp_path: Path) -> None:
    """``make run`` served with Django's development server, which reset connections
    under 50 concurrent reports."""
    port = _free_port()
    env = {
        **os.environ,
        "WEERBAAR_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "weerbaar.conf.dev",
    }
    env.pop("DATABASE_URL", None)
    weerbaar = [sys.executable, "-m", "weerbaar"]
    subprocess.run([*weerbaar, "migrate", "-v0"], env=env, check=True, timeout=300)  # noqa: S603
    server = subprocess.Popen(  # noqa: S603
        [*weerbaar, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "2"],
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        status = 0
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/gereed")
                break
            except OSError:
                time.sleep(0.5)  # not listening yet: the master warms up first
        assert status == 200, (status, server.poll())
        assert "achtergrondtaken: ok" in body
        processes = subprocess.run(  # noqa: S603
            ["ps", "-o", "pid=,args=", "--ppid", str(server.pid)],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        assert "gunicorn" in processes and "db_worker" in processes
        children = [int(line.split()[0]) for line in processes.splitlines() if line.strip()]
        page_status, page = _get(f"http://127.0.0.1:{port}/melden/")
        assert page_status == 200 and "<form" in page
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0
        for pid in children:
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)  # gone, not left running without its parent
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)


def test_optimise_gives_sqlite_planner_statistics() -> None:
    """Without statistics SQLite sorted every visible signal for the list's first page
    (138 ms at 100,000) instead of reading the newest 25 from the date index."""
    from django.db import connection

    from weerbaar.core import database

    if connection.vendor != "sqlite":
        assert database.optimise() is False  # PostgreSQL's autovacuum keeps its own
        return
    assert database.optimise() is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'auth_permission'")
        assert cursor.fetchone()[0] > 0
