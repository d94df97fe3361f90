"""Anonymous intake under load on the ``make run`` server, against this machine's ceiling
in the same run (issue 21).

Starts ``weerbaar serve`` (gunicorn, 2 processes x 8 threads, SQLite in WAL mode; the
areas imported when the open data is there, so the report form knows every municipality)
and, beside it, the one-file Django app of ``bench/_oneview.py`` under gunicorn with the
same processes and threads. ApacheBench (``apt-get install apache2-utils``) sends the
same reports to both with 50 connections: JSON, then multipart with an 800x600 photo.

Targets: JSON at least 10% of the ceiling with p99 under 150 ms; with the photo at least
25% of the multipart ceiling.

Run: ``.venv/bin/python bench/intake_load.py [requests]`` (default 2,000 per round).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterable
from pathlib import Path

from intake import free_port, photo  # the same helpers as the crash test

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CONNECTIONS = 50
REQUESTS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
WORKERS, THREADS = "2", "8"


def multipart(description: str, image: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n'
            f"{description}\r\n"
            f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; '
            f'filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
        ).encode()
        + image
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def reference_server(port: int, threads: str | None = None) -> subprocess.Popen[bytes]:
    """The one-file Django app of ``bench/_oneview.py`` under gunicorn, with Weerbaar's
    number of processes (and threads, when given)."""
    command = [str(BIN / "gunicorn"), "--chdir", str(ROOT / "bench"), "-w", WORKERS]
    if threads:
        command += ["--threads", threads]
    command += ["-k", "gthread", "--log-level", "warning", "-b", f"127.0.0.1:{port}"]
    return subprocess.Popen(  # noqa: S603 - our own gunicorn and app
        [*command, "_oneview:application"],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop_all(servers: Iterable[subprocess.Popen[bytes]]) -> None:
    """Stops each server that still runs, with everything it started."""
    for server in servers:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def wait_ready(port: int, path: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answers: ready
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server on {port} did not start")


def ab(port: int, body: Path, content_type: str) -> tuple[float, float, float]:
    """Requests per second, p50 and p99 in ms."""
    result = subprocess.run(  # noqa: S603
        [
            shutil.which("ab") or "ab",
            "-q",
            "-k",
            "-n",
            str(REQUESTS),
            "-c",
            str(CONNECTIONS),
            "-p",
            str(body),
            "-T",
            content_type,
            f"http://127.0.0.1:{port}/api/v1/public/signals",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    failed = int(re.search(r"Failed requests:\s+(\d+)", result).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", result)
    if failed or non2xx:
        raise RuntimeError(
            f"{failed} failed, {non2xx.group(1) if non2xx else 0} non-2xx:\n{result}"
        )
    rate = float(re.search(r"Requests per second:\s+([\d.]+)", result).group(1))  # type: ignore[union-attr]
    p50 = float(re.search(r"\s50%\s+(\d+)", result).group(1))  # type: ignore[union-attr]
    p99 = float(re.search(r"\s99%\s+(\d+)", result).group(1))  # type: ignore[union-attr]
    return rate, p50, p99


def main() -> None:
    if shutil.which("ab") is None:
        sys.exit("ApacheBench ontbreekt: apt-get install apache2-utils")
    work = Path(tempfile.mkdtemp(prefix="weerbaar-load-"))
    env = dict(os.environ)
    env.update(
        WEERBAAR_VAR_DIR=str(work),
        DJANGO_SETTINGS_MODULE="weerbaar.conf.dev",
        WEERBAAR_REPORT_RATE="1000000/0.001",  # one address sends everything: no rate limit
        WEERBAAR_STATUS_RATE="1000000/0.001",
        WEERBAAR_REPORT_ALL_RATE="1000000/0.001",  # nor the flood ceiling for everyone
        WEERBAAR_LOG_LEVEL="WARNING",
    )
    env.pop("DATABASE_URL", None)
    weerbaar = [str(BIN / "weerbaar")]
    subprocess.run([*weerbaar, "migrate", "-v0"], env=env, check=True)  # noqa: S603
    imported = subprocess.run(  # noqa: S603
        [*weerbaar, "import", "areas", "--if-empty", "--no-progress"],
        env=env,
        capture_output=True,
        check=False,
    )
    areas = "met gebieden" if imported.returncode == 0 else "zonder gebieden"
    ports = {"weerbaar": free_port(), "plafond": free_port()}
    servers = {
        "weerbaar": subprocess.Popen(  # noqa: S603
            [*weerbaar, "serve", "--no-worker", "--bind", f"127.0.0.1:{ports['weerbaar']}"],
            env={**env, "WEERBAAR_WORKERS": WORKERS, "WEERBAAR_THREADS": THREADS},
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        "plafond": reference_server(ports["plafond"], THREADS),
    }
    try:
        wait_ready(ports["weerbaar"], "/gezond", servers["weerbaar"])
        wait_ready(ports["plafond"], "/api/v1/public/signals", servers["plafond"])
        report = json.dumps(
            {"description": "Bij de snackbar halen jongens steeds kleine pakjes op."}
        )
        json_body = work / "report.json"
        json_body.write_text(report)
        form, form_type = multipart("Bij de snackbar halen jongens pakjes op.", photo())
        form_body = work / "report.form"
        form_body.write_bytes(form)
        print(
            f"SQLite (WAL) {areas}; gunicorn {WORKERS} processen x {THREADS} threads; "
            f"{CONNECTIONS} verbindingen, {REQUESTS} verzoeken per ronde"
        )
        print(f"{'':34} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7}")
        for label, body, kind in (
            ("JSON", json_body, "application/json"),
            ("met foto 800x600", form_body, form_type),
        ):
            rates = {}
            # interleaved: ceiling, Weerbaar, ceiling, Weerbaar; the better of each pair
            for name in ("plafond", "weerbaar", "plafond", "weerbaar"):
                rate, p50, p99 = ab(ports[name], body, kind)
                best = rates.get(name)
                if best is None or rate > best[0]:
                    rates[name] = (rate, p50, p99)
            for name in ("plafond", "weerbaar"):
                rate, p50, p99 = rates[name]
                print(f"{label + ', ' + name:34} {rate:>8.0f} {p50:>7.0f} {p99:>7.0f}")
            share = rates["weerbaar"][0] / rates["plafond"][0]
            print(f"  Weerbaar haalt {100 * share:.1f}% van het plafond")
    finally:
        stop_all(servers.values())


if __name__ == "__main__":
    main()
