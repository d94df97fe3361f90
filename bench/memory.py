"""Memory of a warm ``make run`` server against a one-file Django app in the same run
(issue 21: a warm worker under 200 MB).

Starts ``weerbaar serve`` (gunicorn master, 2 processes, and the task worker) on a fresh
SQLite database with the open data imported when it is there, sends each public page,
the monitor's values API and anonymous reports (the category suggestion runs in them)
20 times, then reads every process's memory from ``/proc/<pid>/smaps_rollup``: RSS
(all pages it touches, shared ones too), PSS (shared pages split between the processes
that share them) and unique (its own). The reference is ``bench/_oneview.py`` under
gunicorn with the same processes.

Run: ``.venv/bin/python bench/memory.py``.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from intake import free_port
from intake_load import BIN, WORKERS, reference_server, stop_all, wait_ready

PAGES = (
    "/",
    "/melden/",
    "/ouders/",
    "/monitor/",
    "/api/v1/indicators/misdrijven-3-1-1-per-10000/values",
)
TARGET_MB = 200


def memory(pid: int) -> dict[str, float]:
    """MB per kind; a process that ended in between counts as nothing."""
    fields = {"Rss": 0.0, "Pss": 0.0, "Private_Clean": 0.0, "Private_Dirty": 0.0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in fields:
                fields[name] = int(rest.split()[0]) / 1024
    except OSError:
        pass
    return {
        "rss": fields["Rss"],
        "pss": fields["Pss"],
        "uniek": fields["Private_Clean"] + fields["Private_Dirty"],
    }


def family(root: int) -> list[tuple[int, str]]:
    """The process and all its descendants, with what each one runs."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        found.append((pid, command.strip()))
        todo.extend(int(c) for c in children)
    return found


def role(command: str, index: int) -> str:
    if "db_worker" in command:
        return "taakverwerker"
    if " serve " in f"{command} " and "gunicorn" not in command:
        return "weerbaar serve"
    return "gunicorn master" if index == 0 else "gunicorn proces"


def visit(port: int, rounds: int = 20) -> None:
    report = json.dumps(
        {"description": "Uit de schuur komt een sterke hennepgeur en de ramen zijn afgeplakt."}
    ).encode()
    for _ in range(rounds):
        for page in PAGES:
            # a page without data answers 404; its memory still counts
            with contextlib.suppress(urllib.error.HTTPError):
                urllib.request.urlopen(f"http://127.0.0.1:{port}{page}", timeout=30).read()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/public/signals",
            data=report,
            headers={"Content-Type": "application/json"},
        )
        urllib.request.urlopen(request, timeout=30).read()  # noqa: S310


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="weerbaar-memory-"))
    env = dict(os.environ)
    env.update(
        WEERBAAR_VAR_DIR=str(work),
        DJANGO_SETTINGS_MODULE="weerbaar.conf.dev",
        WEERBAAR_REPORT_RATE="1000000/0.001",
        WEERBAAR_REPORT_ALL_RATE="1000000/0.001",
        WEERBAAR_LOG_LEVEL="WARNING",
    )
    env.pop("DATABASE_URL", None)
    weerbaar = [str(BIN / "weerbaar")]
    subprocess.run([*weerbaar, "migrate", "-v0"], env=env, check=True)  # noqa: S603
    imported = []
    for what in ("areas", "monitor"):
        done = subprocess.run(  # noqa: S603
            [*weerbaar, "import", what, "--if-empty", "--no-progress"],
            env=env,
            capture_output=True,
            check=False,
        )
        if done.returncode == 0:
            imported.append(what)
    ports = {"weerbaar": free_port(), "plafond": free_port()}
    servers = {
        "weerbaar": subprocess.Popen(  # noqa: S603
            [*weerbaar, "serve", "--bind", f"127.0.0.1:{ports['weerbaar']}"],
            env={**env, "WEERBAAR_WORKERS": WORKERS},
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        "plafond": reference_server(ports["plafond"]),
    }
    try:
        wait_ready(ports["weerbaar"], "/gezond", servers["weerbaar"])
        wait_ready(ports["plafond"], "/api/v1/public/signals", servers["plafond"])
        visit(ports["weerbaar"])
        print(f"SQLite, ingelezen: {', '.join(imported) or 'niets'}; {WORKERS} gunicorn-processen")
        print(f"{'proces':24} {'RSS MB':>8} {'PSS MB':>8} {'uniek MB':>9}")
        worst = 0.0
        for name, server in servers.items():
            gunicorns = 0
            for pid, command in family(server.pid):
                if "gunicorn" in command:
                    label = role(command, gunicorns)
                    gunicorns += 1
                else:
                    label = role(command, 1)
                used = memory(pid)
                if name == "weerbaar" and label == "gunicorn proces":
                    worst = max(worst, used["rss"])
                print(
                    f"{name + ': ' + label:24} {used['rss']:>8.0f} {used['pss']:>8.0f} "
                    f"{used['uniek']:>9.0f}"
                )
        verdict = "gehaald" if worst < TARGET_MB else "niet gehaald"
        print(f"zwaarste Weerbaar-proces: {worst:.0f} MB RSS (doel < {TARGET_MB} MB: {verdict})")
    finally:
        stop_all(servers.values())


if __name__ == "__main__":
    main()
