"""`weerbaar enquete`: set up the school survey from a script.

  weerbaar enquete ronde "Scholierenonderzoek 2027" --jaar 2027 --van 2027-02-01 \
      --tot 2027-02-28 --school "Noorderpoort;GM0014;vmbo;1A=1,2B=2" [--school ...]
  weerbaar enquete weging "CBS leerlingen VO 2026" --bron "CBS StatLine 80040ned" aandelen.csv
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Max
from django.urls import reverse

from weerbaar.surveys.models import Round, WeightSet
from weerbaar.surveys.services import questionnaires, rounds, to_monitor


class Command(BaseCommand):
    help = "Scholierenonderzoek: een ronde met klaslinks klaarzetten, of een weging laden."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        new = sub.add_parser("ronde", help="een ronde voor genoemde scholen; drukt de klaslinks af")
        new.add_argument("naam")
        new.add_argument("--jaar", type=int, required=True)
        new.add_argument("--van", required=True, help="eerste dag, JJJJ-MM-DD")
        new.add_argument("--tot", required=True, help="laatste dag, JJJJ-MM-DD")
        new.add_argument(
            "--school", action="append", required=True, help="naam;GMxxxx;soort;klas=leerjaar,..."
        )
        deliver = sub.add_parser(
            "monitor", help="de uitkomsten van een ronde per gemeente naar de monitor"
        )
        deliver.add_argument("ronde", type=int, help="het nummer van de ronde (zie /enquetes/)")
        weights = sub.add_parser("weging", help="aandelen per schoolsoort en leerjaar (CSV)")
        weights.add_argument("naam")
        weights.add_argument("bestand", type=Path, help="CSV: schoolsoort;leerjaar;aandeel")
        weights.add_argument("--bron", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "ronde":
            self._round(options)
        elif options["action"] == "monitor":
            found = Round.objects.filter(pk=options["ronde"]).first()
            if found is None:
                raise CommandError(f"Ronde {options['ronde']} bestaat niet.")
            shown = to_monitor.publish(found)
            self.stdout.write(f"{found}: {shown} gemeente-cijfers in de monitor.")
        else:
            self._weights(options)

    def _round(self, options: dict[str, Any]) -> None:
        try:
            opens, closes = (
                dt.date.fromisoformat(options["van"]),
                dt.date.fromisoformat(options["tot"]),
            )
        except ValueError as exc:
            raise CommandError(f"Geef de data als JJJJ-MM-DD: {exc}") from None
        version = questionnaires.newest()
        if version is None:
            raise CommandError("Er is geen vragenlijst; draai eerst: weerbaar migrate")
        try:
            plans = [rounds.parse_school(text) for text in options["school"]]
            created = rounds.create_round(
                name=options["naam"],
                year=options["jaar"],
                opens_on=opens,
                closes_on=closes,
                questionnaire=version,
                schools=plans,
            )
        except rounds.RoundError as exc:
            raise CommandError(str(exc)) from None
        base = settings.WEERBAAR_PUBLIC_URL or "http://127.0.0.1:8000"
        self.stdout.write(f"Ronde {created} staat klaar ({version}). Links per klas:")
        for school in created.schools.order_by("name"):
            for link in school.classes.all():
                url = base + reverse("surveys_public:questionnaire", args=[link.code])
                self.stdout.write(
                    f"  {school.name}, klas {link.label} (leerjaar {link.year_group}): {url}"
                )

    def _weights(self, options: dict[str, Any]) -> None:
        path: Path = options["bestand"]
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        shares: dict[str, float] = {}
        with path.open(encoding="utf-8-sig") as handle:
            for number, row in enumerate(csv.reader(handle, delimiter=";"), 1):
                if number == 1 and row and not row[-1].replace(",", ".").replace(".", "").isdigit():
                    continue
                try:
                    kind, year, share = row[0].strip(), int(row[1]), float(row[2].replace(",", "."))
                except (IndexError, ValueError):
                    raise CommandError(
                        f"regel {number}: verwacht schoolsoort;leerjaar;aandeel"
                    ) from None
                shares[f"{kind}|{year}"] = share
        total = sum(shares.values())
        if not shares or abs(total - 1) > 0.01:
            raise CommandError(f"De aandelen tellen op tot {total:.3f}; dat moet 1 zijn.")
        version = (
            WeightSet.objects.filter(name=options["naam"]).aggregate(v=Max("version"))["v"] or 0
        ) + 1
        WeightSet.objects.create(
            name=options["naam"], version=version, source=options["bron"], shares=shares
        )
        self.stdout.write(f"Weging {options['naam']} versie {version}: {len(shares)} cellen.")
