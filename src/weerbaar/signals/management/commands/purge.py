"""``weerbaar purge``: apply the signals retention periods and say what was done.

Run it daily (see deploy/weerbaar-purge.timer)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.signals.services import retention


class Command(BaseCommand):
    help = "Anonimiseert of verwijdert signalen die over hun bewaartermijn zijn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen tellen, niets veranderen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = retention.purge(dry_run=options["dry_run"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if options["dry_run"]:
            self.stdout.write("Proefrun: er is niets veranderd.")
        for line in report.lines():
            self.stdout.write(line)
