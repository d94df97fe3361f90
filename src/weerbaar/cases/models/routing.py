"""Which organisation should handle a signal: rules as data, first match wins."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoutingRule(models.Model):
    order = models.PositiveIntegerField(_("volgorde"), help_text=_("Lagere nummers eerst."))
    category = models.ForeignKey(
        "signals.Category",
        verbose_name=_("categorie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Leeg: elke categorie."),
    )
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("gebied"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leeg: overal. Een provincie of gemeente geldt ook voor wat eronder ligt."),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("behandelaar"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("routeringsregel")
        verbose_name_plural = _("routeringsregels")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.order}: {self.category or 'alle'} / {self.area or 'overal'} → {self.organisation}"
