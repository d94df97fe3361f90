"""``weerbaar audit``: check the audit chain, sign a checkpoint, review privileged rights.

- ``verify [--controlepunt FILE] [--publieke-sleutel FILE]``: walks the whole chain and
  exits 1 at the first broken link; with a kept checkpoint also checks that the past it
  signed was not rewritten.
- ``controlepunt``: signs the current head; run daily (deploy/weerbaar-audit.timer) and
  hand the printed line to the independent officer.
- ``publieke-sleutel``: the key that officer checks signatures with.
- ``rechten``: the quarterly privileged-rights report with changes since the last one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit, audit_chain, rights


class Command(BaseCommand):
    help = "Controleert de auditketen, tekent controlepunten en maakt het rechtenrapport."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="Controleer de hele keten.")
        verify.add_argument("--controlepunt", type=Path, help="Bewaard controlepunt (bestand).")
        verify.add_argument("--publieke-sleutel", type=Path, help="PEM van de publieke sleutel.")
        sub.add_parser("controlepunt", help="Teken de huidige kop van de keten.")
        sub.add_parser("publieke-sleutel", help="Toon de publieke sleutel van controlepunten.")
        sub.add_parser("rechten", help="Rapport van bijzondere rechten en wijzigingen.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "verify":
            self._verify(options["controlepunt"], options["publieke_sleutel"])
        elif action == "controlepunt":
            checkpoint, line = audit_chain.make_checkpoint()
            audit.record(
                AuditAction.CHECKPOINT,
                object_type="accounts.auditcheckpoint",
                object_id=checkpoint.pk,
            )
            self.stdout.write(line)
        elif action == "publieke-sleutel":
            self.stdout.write(audit_chain.public_key_pem(), ending="")
        else:
            self._rights()

    def _verify(self, checkpoint_file: Path | None, public_file: Path | None) -> None:
        checked, broken = audit_chain.verify()
        if broken is not None:
            where = f"regel {broken.event_id}, " if broken.event_id else ""
            raise CommandError(
                f"Auditketen gebroken bij volgnummer {broken.sequence} ({where}{broken.reason}). "
                f"{checked} regels ervoor zijn in orde."
            )
        if checkpoint_file is not None:
            try:
                kept = audit_chain.read_checkpoint(
                    checkpoint_file.read_text(encoding="ascii"),
                    public_file.read_bytes() if public_file else None,
                )
            except (OSError, ValueError, UnicodeDecodeError) as error:
                raise CommandError(f"Controlepunt niet bruikbaar: {error}") from error
            problem = audit_chain.matches(kept)
            if problem:
                raise CommandError(f"Auditketen klopt niet met het controlepunt: {problem}.")
            self.stdout.write(f"Controlepunt {kept.sequence} klopt.")
        self.stdout.write(f"Auditketen in orde: {checked} regels gecontroleerd.")

    def _rights(self) -> None:
        result = rights.review()
        since = f"sinds {result.since.created:%d-%m-%Y %H:%M}" if result.since else "eerste rapport"
        self.stdout.write(f"Bijzondere rechten op {result.report.created:%d-%m-%Y %H:%M} ({since})")
        for name, held in result.report.holders.items():
            flags = [k for k in ("superuser", "functioneel beheerder", "medewerker") if held[k]]
            roles = ", ".join(held["rollen"]) or "geen rollen"
            state = "" if held["actief"] else " (niet actief)"
            self.stdout.write(
                f"  {name}{state} — {held['organisatie'] or 'geen organisatie'}: "
                f"{', '.join(flags) or 'geen beheerrechten'}; {roles}"
            )
        self.stdout.write("Wijzigingen:")
        for name in result.added:
            self.stdout.write(f"  + {name}")
        for name in result.removed:
            self.stdout.write(f"  - {name}")
        for name, lines in result.changed.items():
            for line in lines:
                self.stdout.write(f"  ~ {name}: {line}")
        if not (result.added or result.removed or result.changed):
            self.stdout.write("  geen")
