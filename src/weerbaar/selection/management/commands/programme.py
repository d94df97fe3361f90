"""``weerbaar programme <slug> --csv <bestand> [--name <naam>]``: participants of a programme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.core.imports import DataFileError
from weerbaar.selection.models import Programme
from weerbaar.selection.services.participations import import_participations


class Command(BaseCommand):
    help = (
        "Leest de deelnemende gebieden van een programma uit CSV (gebiedscode;startjaar;tranche)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "slug", help="korte naam van het programma, bijvoorbeeld preventie-met-gezag"
        )
        parser.add_argument(
            "--csv", type=Path, required=True, help="CSV met gebiedscode, startjaar, tranche"
        )
        parser.add_argument("--name", help="naam van het programma als het nog niet bestaat")

    def handle(self, *args: Any, **options: Any) -> None:
        programme = Programme.objects.filter(slug=options["slug"]).first()
        if programme is None:
            if not options["name"]:
                raise CommandError(
                    f"Programma '{options['slug']}' bestaat niet; geef --name om het aan te maken."
                )
            programme = Programme.objects.create(slug=options["slug"], name=options["name"])
        try:
            counts = import_participations(programme, options["csv"])
        except DataFileError as exc:
            raise CommandError(f"Niets gewijzigd. {exc}") from exc
        self.stdout.write(
            f"{programme}: {counts.created} nieuw, {counts.updated} gewijzigd, {counts.unchanged} ongewijzigd"
        )
