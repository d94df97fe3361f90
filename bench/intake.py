"""Benchmark and crash test of the anonymous intake, against a real server on loopback.

Starts gunicorn (4 workers x 4 threads) on a fresh database and measures:

1. the ceiling: a trivial Django view (``/gezond``), 2,000 requests from 200 threads;
2. 200 concurrent ``POST /api/v1/public/signals`` (every fourth with a photo): requests/s,
   p50/p99 latency; then every receipt is fetched back with its secret;
3. a crash: 600 submissions from 200 threads, the server is killed (SIGKILL, the whole
   process group) while they run, restarted, and every acknowledged receipt is fetched
   back. An acknowledged signal that cannot be found is a lost signal.

Run: ``.venv/bin/python bench/intake.py`` (SQLite in a temporary folder), or with
``DATABASE_URL=postgres://...`` for PostgreSQL (its signals are emptied first).
"""

from __future__ import annotations

import http.client
import io
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
THREADS = 200


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def photo() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (120, 60, 30)).save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


PHOTO = photo()


def multipart(fields: dict[str, str], files: list[bytes]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; '
            f'filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Server:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
            [
                str(BIN / "gunicorn"),
                "weerbaar.wsgi",
                "--workers=4",
                "--threads=4",
                "--backlog=2048",
                f"--bind=127.0.0.1:{self.port}",
                "--log-level=warning",
                "--preload",  # workers fork with the trained category model
            ],
            env=self.env,
            cwd=ROOT,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = request(self.port, "GET", "/gezond")
                if status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def submit(port: int, number: int) -> tuple[float, int, dict[str, str] | None]:
    body, content_type = multipart(
        {
            "description": f"Belastingtest {number}: steeds korte bezoekjes bij de snackbar, er worden zakjes afgegeven.",
            "occurred_note": "elke avond",
        },
        [PHOTO] if number % 4 == 0 else [],
    )
    start = time.perf_counter()
    try:
        status, content = request(
            port, "POST", "/api/v1/public/signals", body, {"Content-Type": content_type}
        )
    except (OSError, http.client.HTTPException):  # the server died mid-request: not acknowledged
        return time.perf_counter() - start, 0, None
    elapsed = time.perf_counter() - start
    return elapsed, status, json.loads(content) if status == 201 else None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(name: str, latencies: list[float], wall: float) -> None:
    ms = [v * 1000 for v in latencies]
    print(
        f"{name}: {len(ms)} verzoeken in {wall:.2f} s = {len(ms) / wall:.0f} req/s; "
        f"p50 {statistics.median(ms):.0f} ms, p99 {percentile(ms, 0.99):.0f} ms"
    )


def retrievable(port: int, receipts: list[dict[str, str]]) -> int:
    def fetch(item: dict[str, str]) -> bool:
        status, _ = request(
            port,
            "GET",
            f"/api/v1/public/signals/{item['receipt']}",
            headers={"X-Signal-Secret": item["secret"]},
        )
        return status == 200

    with ThreadPoolExecutor(32) as pool:
        return sum(pool.map(fetch, receipts))


def prepare(env: dict[str, str]) -> None:
    subprocess.run(  # noqa: S603
        [str(BIN / "weerbaar"), "migrate", "--no-input", "-v0"], env=env, cwd=ROOT, check=True
    )
    if env.get("DATABASE_URL"):
        code = "from weerbaar.signals.models import Signal; Signal.objects.all().delete()"
        subprocess.run([str(BIN / "weerbaar"), "shell", "-c", code], env=env, cwd=ROOT, check=True)  # noqa: S603


def main() -> None:
    env = dict(os.environ)
    env.setdefault("WEERBAAR_VAR_DIR", tempfile.mkdtemp(prefix="weerbaar-intake-"))
    env["DJANGO_SETTINGS_MODULE"] = "weerbaar.conf.dev"
    # all requests come from one address: no rate limit in this test
    env["WEERBAAR_REPORT_RATE"] = env["WEERBAAR_STATUS_RATE"] = "1000000/0.001"
    # nor the ceiling for everyone: the first round would use it up, and the crash round
    # would be refused instead of interrupted
    env["WEERBAAR_REPORT_ALL_RATE"] = env["WEERBAAR_STATUS_ALL_RATE"] = "1000000/0.001"
    env["WEERBAAR_LOG_LEVEL"] = "WARNING"
    backend = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(f"Database: {backend}; server: gunicorn 4 workers x 4 threads; {THREADS} threads")
    prepare(env)
    server = Server(env)
    server.start()
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            start = time.perf_counter()
            timings = list(pool.map(lambda _: timed_get(server.port), range(2000)))
            report("Plafond GET /gezond", timings, time.perf_counter() - start)

            barrier = threading.Barrier(THREADS)

            def together(number: int) -> tuple[float, int, dict[str, str] | None]:
                barrier.wait()
                return submit(server.port, number)

            start = time.perf_counter()
            results = list(pool.map(together, range(THREADS)))
            wall = time.perf_counter() - start
        ok = [r for _, status, r in results if status == 201 and r]
        report("POST /api/v1/public/signals (200 tegelijk)", [t for t, _, _ in results], wall)
        print(
            f"  ontvangstcodes: {len(ok)}/{THREADS}; terug te vinden: {retrievable(server.port, ok)}/{len(ok)}"
        )

        with ThreadPoolExecutor(THREADS) as pool:
            start = time.perf_counter()
            futures = [pool.submit(submit, server.port, 1000 + i) for i in range(600)]
            time.sleep(1.0)
            server.kill()
            crashed = [f.result() for f in futures]
        acknowledged = [r for _, status, r in crashed if status == 201 and r]
        failed = sum(1 for _, status, _ in crashed if status != 201)
        print(f"Crash na 1,0 s: {len(acknowledged)} bevestigd, {failed} afgebroken of geweigerd")
        server.start()
        found = retrievable(server.port, acknowledged)
        print(
            f"  na herstart terug te vinden: {found}/{len(acknowledged)}; verloren: {len(acknowledged) - found}"
        )
        if found != len(acknowledged):
            sys.exit(1)
    finally:
        server.stop()


def timed_get(port: int) -> float:
    start = time.perf_counter()
    status, _ = request(port, "GET", "/gezond")
    assert status == 200
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
