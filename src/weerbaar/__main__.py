"""Console entry point: ``weerbaar <command>`` runs a Django management command.

Keeps operators away from ``manage.py`` and from setting DJANGO_SETTINGS_MODULE by
hand; the default is the laptop configuration on SQLite.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["weerbaar", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
