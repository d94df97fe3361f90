"""``weerbaar triageformule <file.yaml>``: store a new version of the triage priority formula
(nothing happens when it equals the current one) and print its register text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.cases.services import triage


class Command(BaseCommand):
    help = "Slaat een nieuwe versie van de prioriteitsformule voor het signalenoverleg op."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", nargs="?", help="YAML-bestand; zonder: toon de huidige.")
        parser.add_argument("--toelichting", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["bestand"]:
            path = Path(options["bestand"])
            if not path.is_file():
                raise CommandError(f"{path}: bestand niet gevonden.")
            try:
                definition = yaml.safe_load(path.read_text(encoding="utf-8"))
                formula = triage.save_formula(definition, note=options["toelichting"])
            except (yaml.YAMLError, triage.FormulaError) as exc:
                raise CommandError(f"{path}: {exc}") from exc
        else:
            formula = triage.current()
        for line in triage.register_text(formula):
            self.stdout.write(line)
