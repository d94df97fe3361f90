"""Programmes (e.g. Preventie met Gezag) and the areas taking part in them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    target_group = models.CharField(_("doelgroep"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemaakt op"))

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Participation(models.Model):
    """An area taking part in a programme from a start year, in a cohort ("tranche")."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="participations"
    )
    area_code = models.CharField(_("gebiedscode"), max_length=10)
    start_year = models.PositiveSmallIntegerField(_("startjaar"))
    cohort = models.CharField(_("tranche"), max_length=100, blank=True)
    #: how sure the source is that this area is the programme's area ("exact_stadsdeel",
    #: "benadering", "onzeker"); "" when the source names the area itself
    certainty = models.CharField(_("zekerheid van de afbakening"), max_length=40, blank=True)
    note = models.CharField(_("toelichting"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        ordering = ["programme", "area_code"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "area_code"], name="participation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.area_code} in {self.programme} vanaf {self.start_year}"
