"""``weerbaar select --rule <bestand>``: run a selection rule and print the ranked result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.core.downloads import to_csv
from weerbaar.selection.services import engine, export, rules, runs


class Command(BaseCommand):
    help = "Voert een selectieregel (JSON of YAML) uit en toont de gerangschikte uitkomst."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--rule", type=Path, required=True, help="bestand met de regel (JSON of YAML)"
        )
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--save", action="store_true", help="regelversie en run opslaan")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            text = options["rule"].read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Kan {options['rule']} niet lezen ({exc.strerror}).") from exc
        try:
            rule = rules.validate(rules.parse(text))
        except rules.RuleError as exc:
            raise CommandError(f"De regel is niet bruikbaar: {exc}") from exc
        if options["save"]:
            run = runs.execute(runs.save_rule(rule))
            result_json = run.result
            self.stderr.write(f"Opgeslagen als run {run.pk} (regel {run.rule_version}).")
        else:
            result_json, _, _ = engine.run(rule)
        if options["format"] == "json":
            self.stdout.write(result_json)
            return
        result = json.loads(result_json)
        self.stdout.write(to_csv(export.rows(result), export.header(result)), ending="")
