"""Counts of people and households per area and year: always counts, never only shares,
so that every rate or aggregate can be recomputed from them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

TOTAL_BAND = "totaal"


class PopulationCount(models.Model):
    """Inhabitants of an area on 1 January of ``year`` in one age band (or in total)."""

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="population_counts",
        verbose_name=_("gebied"),
    )
    year = models.PositiveSmallIntegerField(_("jaar (peildatum 1 januari)"))
    band = models.CharField(
        _("leeftijdsgroep"),
        max_length=10,
        help_text=_("'totaal', of bijvoorbeeld '10-14' of '80+'."),
    )
    count = models.PositiveIntegerField(_("aantal"))
    source = models.CharField(_("bron"), max_length=200)

    class Meta:
        verbose_name = _("bevolkingsaantal")
        verbose_name_plural = _("bevolkingsaantallen")
        ordering = ["area", "year", "band"]
        constraints = [
            models.UniqueConstraint(fields=["area", "year", "band"], name="population_unique"),
        ]
        indexes = [models.Index(fields=["year", "band"])]

    def __str__(self) -> str:
        return f"{self.area.code} {self.year} {self.band}: {self.count}"


class HouseholdCount(models.Model):
    """Private households of an area on 1 January of ``year``."""

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="household_counts",
        verbose_name=_("gebied"),
    )
    year = models.PositiveSmallIntegerField(_("jaar (peildatum 1 januari)"))
    count = models.PositiveIntegerField(_("aantal"))
    source = models.CharField(_("bron"), max_length=200)

    class Meta:
        verbose_name = _("aantal huishoudens")
        verbose_name_plural = _("aantallen huishoudens")
        ordering = ["area", "year"]
        constraints = [models.UniqueConstraint(fields=["area", "year"], name="households_unique")]

    def __str__(self) -> str:
        return f"{self.area.code} {self.year}: {self.count}"
