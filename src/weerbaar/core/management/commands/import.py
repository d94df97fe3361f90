"""``weerbaar import <naam>``: import open data from the data directory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from weerbaar.core import database
from weerbaar.core.data_dir import DataDirMissing, data_dir
from weerbaar.core.imports import DataFileError, get_importer, importers


class Command(BaseCommand):
    help = "Importeert open data (bijvoorbeeld: weerbaar import areas)."

    def add_arguments(self, parser: CommandParser) -> None:
        names = ", ".join(imp.name for imp in importers())
        parser.add_argument("name", help=f"wat te importeren: {names}")
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help="map of zip-bestand om te lezen (bijvoorbeeld: weerbaar import statline 85655NED.zip)",
        )
        parser.add_argument("--data-dir", type=Path, help="map met open data")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="alleen importeren als er nog niets is geladen en de datamap bestaat",
        )
        parser.add_argument("--no-progress", action="store_true", help="geen voortgangsbalk")

    def handle(self, *args: Any, **options: Any) -> None:
        importer = get_importer(options["name"])
        if importer is None:
            names = ", ".join(imp.name for imp in importers())
            raise CommandError(f"Onbekende import '{options['name']}'. Kies uit: {names}.")
        try:
            folder = options["path"] or options["data_dir"] or data_dir()
        except DataDirMissing as exc:
            if options["if_empty"]:
                self.stdout.write(f"Import overgeslagen: {exc}")
                return
            raise CommandError(str(exc)) from exc
        if options["if_empty"] and importer.has_data():
            self.stdout.write("Er zijn al gegevens geladen; import overgeslagen.")
            return
        with self._progress(disabled=options["no_progress"]) as progress:
            try:
                report = importer.run(folder, progress)
            except DataFileError as exc:
                raise CommandError(f"Import afgebroken, niets gewijzigd. {exc}") from exc
        for line in report.lines():
            self.stdout.write(line)
        database.optimise()  # the planner learns the new sizes

    @contextmanager
    def _progress(self, disabled: bool) -> Iterator[Callable[[str, int], Callable[[int], None]]]:
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            disable=disabled,
            transient=False,
        )

        def factory(label: str, total: int) -> Callable[[int], None]:
            task = progress.add_task(label, total=total)
            return lambda advance: progress.advance(task, advance)

        with progress:
            yield factory
