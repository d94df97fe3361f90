"""``weerbaar organisatie``: make or change an organisation, list them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.accounts.models import OrganisationKind
from weerbaar.accounts.services import selectors, setup


class Command(BaseCommand):
    help = "Maakt of wijzigt een organisatie (soort en werkgebied), of toont ze allemaal."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        make = sub.add_parser("maak", help="Nieuwe organisatie, of een bestaande wijzigen.")
        make.add_argument("naam", help="Bijvoorbeeld 'Gemeente Groningen'.")
        make.add_argument(
            "--soort",
            required=True,
            choices=[k.value for k in OrganisationKind],
            help="Wat voor organisatie; bepaalt wat het werkgebied opent.",
        )
        make.add_argument(
            "--gebied",
            action="append",
            default=[],
            metavar="CODE",
            help="CBS-code van het werkgebied (GM0014, PV20, WK001401); mag vaker.",
        )
        make.add_argument(
            "--centraal-meldpunt",
            action="store_true",
            help="Ontvangt signalen zonder bekende plaats of van buiten alle werkgebieden.",
        )
        sub.add_parser("lijst", help="Alle organisaties met soort en werkgebied.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "lijst":
            for organisation in selectors.organisations():
                codes = ", ".join(a.code for a in organisation.areas.all()) or "geen werkgebied"
                active = "" if organisation.is_active else " (niet actief)"
                self.stdout.write(
                    f"{organisation.name}: {organisation.get_kind_display()}, {codes}{active}"
                )
            return
        try:
            result = setup.save_organisation(
                options["naam"],
                options["soort"],
                options["gebied"],
                intake=options["centraal_meldpunt"],
            )
        except setup.SetupError as error:
            raise CommandError(str(error)) from None
        organisation = result.organisation
        verb = "gemaakt" if result.created else "gewijzigd"
        self.stdout.write(
            f"Organisatie '{organisation.name}' {verb} ({organisation.get_kind_display()})."
        )
        explanation = result.explanation
        self.stdout.write(
            "Via het werkgebied ziet zij: "
            + (", ".join(explanation.by_area) or "geen dossiers")
            + "."
        )
        if explanation.only_shared:
            self.stdout.write(
                "Alleen als ze gedeeld zijn: " + ", ".join(explanation.only_shared) + "."
            )
        for warning in explanation.warnings:
            self.stdout.write(self.style.WARNING(warning))
