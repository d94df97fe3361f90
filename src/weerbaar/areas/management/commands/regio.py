"""``weerbaar regio``: custom regions to compare as one area."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.areas.services import selectors
from weerbaar.areas.services.regions import RegionError, ensure_presets, save_region


class Command(BaseCommand):
    help = (
        "Regio's: 'maak NAAM --gemeente GM0014 --provincie PV22', 'lijst', of 'voorbeelden' "
        "(Noord-Groningen, RIEC Noord-Nederland, Groningen en Drenthe)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("actie", choices=["maak", "lijst", "voorbeelden"])
        parser.add_argument("naam", nargs="?", help="naam van de regio (bij 'maak')")
        parser.add_argument("--gemeente", action="append", default=[], help="GMxxxx, herhaalbaar")
        parser.add_argument(
            "--provincie", action="append", default=[], help="PVxx: alle gemeenten erin"
        )
        parser.add_argument("--omschrijving", default="", help="wat de regio is en waarom")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["actie"] == "voorbeelden":
            created = ensure_presets()
            self.stdout.write(
                f"Klaargezet: {', '.join(created)}." if created else "Alle voorbeelden bestaan al."
            )
        elif options["actie"] == "maak":
            if not options["naam"]:
                raise CommandError("Geef een naam: weerbaar regio maak 'Noord-Groningen' ...")
            try:
                region = save_region(
                    options["naam"],
                    municipalities=tuple(c.upper() for c in options["gemeente"]),
                    provinces=tuple(c.upper() for c in options["provincie"]),
                    description=options["omschrijving"],
                )
            except RegionError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(
                f"Regio {region.name} bewaard met {region.members.count()} gemeenten "
                f"(vergelijk: /monitor/vergelijk/?gebied=regio:{region.slug})."
            )
        for region in selectors.regions().prefetch_related("members"):
            names = sorted(member.name for member in region.members.all())
            self.stdout.write(f"{region.name} ({len(names)}): {', '.join(names)}")
