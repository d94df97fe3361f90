"""``weerbaar sync cbs <tabel>``: fetch a CBS OData table (needs internet)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.monitor.services.cbs_sync import TABLES, SyncError, sync_table


class Command(BaseCommand):
    help = "Haalt een CBS-tabel op (internet nodig), bijvoorbeeld: weerbaar sync cbs 70072ned"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", choices=["cbs"], help="bron (alleen: cbs)")
        parser.add_argument("table", help=f"CBS-tabel: {', '.join(sorted(TABLES))}")
        parser.add_argument("--base-url", help="andere OData-basis-URL (bijvoorbeeld een spiegel)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = sync_table(options["table"], base=options["base_url"])
        except SyncError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
