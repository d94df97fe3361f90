"""``weerbaar backup [--map DIR]``: the whole database in one file, with a manifest
(checksum and signed audit checkpoint). Photos and documents live in the database, so
this one file is everything. Run it daily (deploy/weerbaar-backup.timer) and copy both
files elsewhere; the manifest is what ``weerbaar restore`` checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit, backup


class Command(BaseCommand):
    help = "Maakt een backup van de database met controlesom en controlepunt van de auditlog."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--map",
            type=Path,
            help=f"Waar de backup komt (standaard {backup.default_directory()}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup.make(options["map"])
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        audit.record(AuditAction.EXPORT, object_type="backup", object_id=manifest.stem[-16:])
        self.stdout.write(f"Backup gemaakt: {manifest.with_suffix('')}.*")
        self.stdout.write(f"Overzicht (bewaar het bij de backup): {manifest}")
