"""``weerbaar restore OVERZICHT --ja``: put a backup back. Checks the checksum and the
signed audit checkpoint first (nothing is overwritten when either fails), then replaces
the database and walks the audit chain; exits non-zero when anything does not hold.
Stop the web server first: the database is replaced while it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.accounts.services import backup


class Command(BaseCommand):
    help = "Zet een backup terug en controleert controlesom en auditlog."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("overzicht", type=Path, help="Het .json-overzicht van de backup.")
        parser.add_argument(
            "--ja",
            action="store_true",
            help="Ja, vervang de huidige database (zonder dit wordt alleen gecontroleerd).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if not options["ja"]:
                source, checkpoint = backup.check(options["overzicht"])
                self.stdout.write(
                    f"{source.name} is heel (controlesom en controlepunt {checkpoint.sequence} "
                    "kloppen). Er is niets veranderd; geef --ja om terug te zetten."
                )
                return
            restored = backup.restore(options["overzicht"])
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Teruggezet. Auditlog gecontroleerd: {restored.events_checked} regels, "
            f"controlepunt {restored.checkpoint_sequence} zit er ongewijzigd in."
        )
