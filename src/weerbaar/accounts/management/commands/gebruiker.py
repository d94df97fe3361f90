"""``weerbaar gebruiker``: make a user with shipped roles, list users, list the roles."""

from __future__ import annotations

import getpass
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.accounts.models import Confidentiality
from weerbaar.accounts.services import roles, selectors, setup


class Command(BaseCommand):
    help = "Maakt een gebruiker met rollen, of toont de gebruikers of de meegeleverde rollen."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        make = sub.add_parser("maak", help="Nieuwe gebruiker, of rollen geven aan een bestaande.")
        make.add_argument("gebruikersnaam")
        make.add_argument("--organisatie", required=True, help="Naam van de organisatie.")
        make.add_argument(
            "--rol",
            action="append",
            default=[],
            choices=list(roles.BY_KEY),
            help="Meegeleverde rol; mag vaker. 'weerbaar gebruiker rollen' zegt wat elke rol mag.",
        )
        make.add_argument("--email", default="")
        make.add_argument("--voornaam", default="")
        make.add_argument("--achternaam", default="")
        make.add_argument(
            "--vertrouwelijkheid",
            default=Confidentiality.VERTROUWELIJK.value,
            choices=[c.value for c in Confidentiality],
            help="Het hoogste niveau dat deze gebruiker mag lezen.",
        )
        make.add_argument(
            "--wachtwoord-vragen",
            action="store_true",
            help="Vraag het wachtwoord (anders krijgt een nieuwe gebruiker een willekeurig wachtwoord).",
        )
        sub.add_parser("lijst", help="Alle gebruikers met organisatie en rollen.")
        sub.add_parser("rollen", help="De meegeleverde rollen en wat ze mogen.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "lijst":
            for user in selectors.users():
                names = ", ".join(g.name for g in user.groups.all()) or "geen rollen"
                where = user.organisation.name if user.organisation else "geen organisatie"
                self.stdout.write(f"{user.username}: {where}; {names}")
            return
        if options["action"] == "rollen":
            for spec in roles.SHIPPED:
                self.stdout.write(f"{spec.key}: {spec.name}\n  {spec.description}")
            return
        password = None
        if options["wachtwoord_vragen"]:
            password = getpass.getpass("Wachtwoord: ")
            if password != getpass.getpass("Nog een keer: "):
                raise CommandError("De twee wachtwoorden zijn niet gelijk.")
        try:
            result = setup.save_user(
                options["gebruikersnaam"],
                options["organisatie"],
                options["rol"],
                email=options["email"],
                first_name=options["voornaam"],
                last_name=options["achternaam"],
                clearance=options["vertrouwelijkheid"],
                password=password,
            )
        except setup.SetupError as error:
            raise CommandError(str(error)) from None
        user = result.user
        verb = "gemaakt" if result.created else "gewijzigd"
        names = ", ".join(group.name for group in user.groups.order_by("name")) or "geen"
        self.stdout.write(f"Gebruiker '{user.username}' {verb}. Rollen: {names}.")
        if result.password:
            self.stdout.write(f"Wachtwoord (alleen nu getoond): {result.password}")
            self.stdout.write("Bij de eerste keer inloggen stelt de gebruiker de tweede stap in.")
        for line in result.lines:
            self.stdout.write(line)
