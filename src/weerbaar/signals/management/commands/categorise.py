"""``weerbaar categorise``: measure the category suggestion, or try it on a text."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from weerbaar.signals.services import categorise


class Command(BaseCommand):
    help = "Meet de nauwkeurigheid van het categorievoorstel, of toont het voorstel voor een tekst."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tekst", nargs="?", help="Een tekst om het voorstel voor te tonen.")
        parser.add_argument("--splits", type=int, default=10)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["tekst"]:
            suggestion = categorise.suggest(options["tekst"])
            if suggestion is None:
                self.stdout.write("Geen voorstel (te onzeker).")
            else:
                self.stdout.write(
                    f"{suggestion.slug} ({suggestion.confidence:.0%}) door: {', '.join(suggestion.terms)}"
                )
            return
        result = categorise.evaluate(splits=options["splits"])
        self.stdout.write(
            f"{result.examples} voorbeelden, {result.splits}× {result.held_out} apart gehouden.\n"
            f"Nauwkeurigheid (beste categorie): {result.accuracy:.1%}\n"
            f"Voorstel gedaan (zekerheid >= {result.threshold:.2f}): {result.coverage:.1%} van de teksten\n"
            f"Nauwkeurigheid als er een voorstel is: {result.accuracy_when_suggested:.1%}"
        )
