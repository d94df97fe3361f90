"""``weerbaar partnertoken``: issue or revoke a partner system's API key."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from weerbaar.accounts.api.authentication import issue
from weerbaar.accounts.models import PartnerToken


class Command(BaseCommand):
    help = "Maakt een API-sleutel voor een partnersysteem, of trekt er een in."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("maak", help="Nieuwe sleutel voor een serviceaccount.")
        create.add_argument("gebruiker", help="Gebruikersnaam van het serviceaccount.")
        create.add_argument("naam", help="Waarvoor de sleutel is, bijvoorbeeld 'MMA-koppeling'.")
        revoke = sub.add_parser("intrekken", help="Sleutel intrekken.")
        revoke.add_argument("begin", help="De eerste 8 tekens van de sleutel.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "maak":
            user = get_user_model().objects.filter(username=options["gebruiker"]).first()
            if user is None:
                raise CommandError(f"Gebruiker '{options['gebruiker']}' bestaat niet.")
            if getattr(user, "organisation", None) is None:
                raise CommandError("Het serviceaccount hoort bij geen organisatie.")
            token, key = issue(user, options["naam"])
            self.stdout.write(f"Sleutel voor {token.name} (alleen nu getoond):\n{key}")
            return
        tokens = PartnerToken.objects.filter(prefix=options["begin"], revoked_at__isnull=True)
        count = tokens.update(revoked_at=timezone.now())
        if not count:
            raise CommandError("Geen actieve sleutel met dit begin.")
        self.stdout.write(f"{count} sleutel(s) ingetrokken.")
