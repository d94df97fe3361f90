"""A resident's own choice to hear when there is news about their report.

Kept apart from the signal: no handler page, export, API or admin reads this table; only
``signals.services.updates`` does, to send "er is nieuws" without any content. It is
wiped when the report is closed or anonymised. It holds the address and the day it was
given, nothing else (no time, no network address)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReporterContact(models.Model):
    signal = models.OneToOneField(
        "signals.Signal", verbose_name=_("signaal"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mailadres"))
    given_on = models.DateField(_("gegeven op"))

    class Meta:
        verbose_name = _("e-mailadres voor nieuws over een melding")
        verbose_name_plural = _("e-mailadressen voor nieuws over meldingen")
        default_permissions = ()  # no role can be given access to it

    def __str__(self) -> str:
        return f"nieuws over melding {self.signal_id}"  # never the address
