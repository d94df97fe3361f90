"""An anonymous report while a 10-second camper-bus solve runs (SQLite, a real server).

Starts gunicorn on a fresh SQLite database and plans a tour with a 10-second solver limit,
twice, side by side in one run:

1. as Weerbaar plans now: read, solve outside any transaction, store in a short one;
2. as it planned before: the whole plan in one transaction (SQLite takes its write lock at
   BEGIN, so every other writer waits for the solve).

The plan is made by a separate process (as a coordinator's request is, in its own server
worker). During each solve, an anonymous report is sent every 0.5 s to
``POST /api/v1/public/signals``; the script prints how long each took to be acknowledged.
Target: every report within 1 s while the solve runs.

Run: ``.venv/bin/python bench/solve_and_intake.py``
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import BIN, ROOT, Server, prepare, request

SOLVE_SECONDS = 10.0


def report(port: int) -> float:
    body = json.dumps(
        {"description": "Er wordt elke avond gedeald vanuit de snackbar op de hoek."}
    ).encode()
    started = time.perf_counter()
    status, _ = request(
        port, "POST", "/api/v1/public/signals", body, {"Content-Type": "application/json"}
    )
    elapsed = time.perf_counter() - started
    if status != 201:
        raise RuntimeError(f"report refused: {status}")
    return elapsed


def requests_for_the_bus() -> tuple[object, dt.date, dt.date]:
    from weerbaar.areas.tests.factories import small_country
    from weerbaar.prevention.tests.factories import bus_request, future, the_bus

    country = small_country()
    monday = future(14) - dt.timedelta(days=future(14).weekday())
    for n in range(12):
        bus_request(
            country["GM0014"] if n % 2 else country["GM0106"],
            [(monday + dt.timedelta(days=n % 5), dt.time(9), dt.time(16))],
            name=f"School {n}",
            point=(53.0 + n / 50, 6.4 + n / 40),
        )
    return the_bus(), monday, monday + dt.timedelta(days=4)


PLAN = """
import datetime as dt
from django.db import transaction
from weerbaar.prevention.models import Bus
from weerbaar.prevention.services import planning
first = dt.date.fromisoformat("{first}")
last = dt.date.fromisoformat("{last}")
def plan():
    planning.make_plan(Bus.objects.get(), first, last, seconds={seconds})
if {inside}:
    with transaction.atomic():
        plan()
else:
    plan()
"""


def measure(port: int, env: dict[str, str], code: str) -> list[float]:
    """Reports from this process while the plan is made by another (as a coordinator's
    request would be, in its own server process)."""
    planner = subprocess.Popen(  # noqa: S603 - our own command, fixed arguments
        [str(BIN / "weerbaar"), "shell", "-c", code], env=env, cwd=ROOT
    )
    latencies: list[float] = []
    time.sleep(1.0)  # past start-up and the reads, into the solve
    while planner.poll() is None:
        latencies.append(report(port))
        time.sleep(0.5)
    if planner.returncode != 0:
        raise RuntimeError("planning failed")
    return latencies


def main() -> None:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)  # the question is SQLite's single write lock
    env["WEERBAAR_VAR_DIR"] = tempfile.mkdtemp(prefix="weerbaar-solve-")
    env["DJANGO_SETTINGS_MODULE"] = "weerbaar.conf.dev"
    env["WEERBAAR_REPORT_RATE"] = env["WEERBAAR_STATUS_RATE"] = "1000000/0.001"
    env["WEERBAAR_LOG_LEVEL"] = "WARNING"
    os.environ.update(env)
    prepare(env)
    import django

    django.setup()
    _bus, first, last = requests_for_the_bus()
    server = Server(env)
    server.start()
    try:
        for _ in range(16):  # warm every worker (first requests build caches)
            report(server.port)

        print(f"Tour solve of {SOLVE_SECONDS:.0f} s on SQLite, a report every 0.5 s meanwhile")
        print(f"{'planning':<34} {'reports':>8} {'median s':>9} {'max s':>7} {'within 1 s':>11}")
        for label, inside in (
            ("solve outside the transaction", False),
            ("solve inside (as before)", True),
        ):
            code = PLAN.format(first=first, last=last, seconds=SOLVE_SECONDS, inside=inside)
            latencies = measure(server.port, env, code)
            within = sum(1 for x in latencies if x <= 1.0)
            print("  ", " ".join(f"{x:.2f}" for x in latencies))
            print(
                f"{label:<34} {len(latencies):>8} {statistics.median(latencies):>9.3f} "
                f"{max(latencies):>7.2f} {within:>5}/{len(latencies):<5}"
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
