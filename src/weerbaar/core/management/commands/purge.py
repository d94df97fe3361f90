"""``weerbaar purge``: apply every retention period (signals, camper bus requests, …)
and say what was done per app. Run it daily (see deploy/weerbaar-purge.timer)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.core import database, retention


class Command(BaseCommand):
    help = "Anonimiseert of verwijdert gegevens die over hun bewaartermijn zijn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen tellen, niets veranderen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            reports = retention.run_all(dry_run=options["dry_run"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if options["dry_run"]:
            self.stdout.write("Proefrun: er is niets veranderd.")
        for name, lines in reports:
            self.stdout.write(f"[{name}]")
            for line in lines:
                self.stdout.write(f"  {line}")
        if not options["dry_run"] and database.optimise():
            self.stdout.write("Statistieken van de database bijgewerkt.")
