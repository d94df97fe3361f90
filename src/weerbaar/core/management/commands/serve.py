"""``weerbaar serve``: Weerbaar as it runs in production, on one machine. gunicorn (worker
processes with threads, ``weerbaar.conf.gunicorn``) and the background-job worker
(``db_worker``: PDF reports and other jobs), started and stopped together.

Django's development server reset connections under 50 concurrent reports; this is what
``make run`` starts.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.core.metrics import prepare_folder

POLL_SECONDS = 0.5


class Command(BaseCommand):
    help = "Start de webserver (gunicorn) en de verwerker van achtergrondtaken samen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="adres:poort")
        parser.add_argument("--workers", type=int, help="aantal processen (standaard 2)")
        parser.add_argument("--threads", type=int, help="threads per proces (standaard 8)")
        parser.add_argument(
            "--no-worker", action="store_true", help="geen verwerker voor achtergrondtaken"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        env = self._environment(options)
        commands = [
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "python:weerbaar.conf.gunicorn",
                "weerbaar.wsgi:application",
            ]
        ]
        if not options["no_worker"]:
            commands.append([sys.executable, "-m", "weerbaar", "db_worker", "--interval", "1"])
        children = [subprocess.Popen(command, env=env) for command in commands]  # noqa: S603
        code = self._supervise(children)
        if code:
            sys.exit(code)

    def _environment(self, options: dict[str, Any]) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.dev")
        env["WEERBAAR_BIND"] = options["bind"]
        for name in ("workers", "threads"):
            if options[name] is not None:
                if options[name] < 1:
                    raise CommandError(f"--{name} moet minstens 1 zijn.")
                env[f"WEERBAAR_{name.upper()}"] = str(options[name])
        # jobs wait in the database for the worker, instead of running in the request
        env.setdefault("WEERBAAR_TASKS", "database")
        # every process writes its metrics to one folder, so a scrape sums them all
        env.update(prepare_folder(settings.VAR_DIR))
        return env

    def _supervise(self, children: list[subprocess.Popen[bytes]]) -> int:
        """Waits for Ctrl+C or SIGTERM, or for one part to end; then stops the others.
        Returns the exit code: 0 after a requested stop."""
        stopping = False

        def stop(signum: int, frame: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        code = 0
        try:
            while not stopping:
                ended = next((child for child in children if child.poll() is not None), None)
                if ended is not None:
                    code = ended.returncode or 1
                    self.stderr.write(
                        f"Een onderdeel stopte onverwacht (code {ended.returncode}); "
                        "de rest wordt ook gestopt."
                    )
                    break
                time.sleep(POLL_SECONDS)
        finally:
            for child in children:
                if child.poll() is None:
                    child.terminate()
            for child in children:
                try:
                    child.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    child.kill()
        return code
