"""What can be screened and under which terms: data, seeded from seed/kinds.yaml and
kept by legal staff in the admin."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationKind(models.Model):
    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=120)
    decision_weeks = models.PositiveSmallIntegerField(
        _("beslistermijn (weken)"),
        help_text=_("De wettelijke termijn vanaf ontvangst van de aanvraag."),
    )
    extension_weeks = models.PositiveSmallIntegerField(
        _("verdaging mogelijk (weken)"),
        default=0,
        help_text=_("Hoeveel weken het besluit ten hoogste mag worden verdaagd."),
    )
    legal_ground = models.CharField(
        _("weigeringsgrond"),
        max_length=250,
        help_text=_("De wettelijke grondslag voor weigeren of intrekken (Wet Bibob)."),
    )
    cash_intensive = models.BooleanField(
        _("contant-intensieve branche"),
        default=False,
        help_text=_("Horeca, detailhandel met veel contant geld, autohandel, e.d."),
    )
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("soort aanvraag")
        verbose_name_plural = _("soorten aanvragen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
