"""Imported values ("observations") per measure, area code and year, with their CBS status
and the file version they came from.

An observation is keyed on the area *code* as published, not on an Area row: a value for
a dissolved municipality stays attached to its own code.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    FINAL = "definitief", _("definitief")
    PROVISIONAL = "voorlopig", _("voorlopig")
    MISSING = "ontbreekt", _("ontbreekt")  # CBS '.'
    SECRET = "geheim", _("geheim")  # CBS 'x'
    NIL = "nihil", _("nihil")  # CBS '-'
    REDIVISION = "herindeling", _("niet vergelijkbaar (herindeling)")
    SMALL = "klein", _("te klein aantal")  # suppressed by Weerbaar: denominator too small


class Method(models.TextChoices):
    """Values Weerbaar derives itself, shown with a note beside the figure."""

    PUBLISHED = "", _("zoals gepubliceerd")
    DISTRICT_MEAN = (
        "wijkgemiddelde",
        _("benadering: gemiddelde van de wijken, gewogen naar inwoners"),
    )
    NEIGHBOURHOOD_SUM = "som-buurten", _("som van de buurten")
    AGE_ESTIMATE = (
        "leeftijdsschatting",
        _("geschat uit leeftijdsgroepen van 5 jaar (gelijk verdeeld over de jaren)"),
    )


#: statuses with a number; the others have value None, never 0
WITH_VALUE = {Status.FINAL, Status.PROVISIONAL, Status.NIL}


class DataVersion(models.Model):
    """One imported file (or fetched table): where every value came from."""

    importer = models.CharField(_("importeur"), max_length=60)
    path = models.CharField(_("bestand"), max_length=300)
    table_id = models.CharField(_("tabel"), max_length=100)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(_("regels"))
    imported_at = models.DateTimeField(_("geïmporteerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("gegevensversie")
        verbose_name_plural = _("gegevensversies")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.path} ({self.sha256[:8]})"


class Observation(models.Model):
    measure = models.CharField(_("meetreeks"), max_length=80)
    area_code = models.CharField(_("gebiedscode"), max_length=10)
    year = models.PositiveSmallIntegerField(_("jaar"))
    value = models.FloatField(_("waarde"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    #: how a value was made when it is not published as such (see ``Method``); "" = published
    method = models.CharField(_("berekeningswijze"), max_length=20, blank=True, default="")
    data_version = models.ForeignKey(
        DataVersion, on_delete=models.PROTECT, related_name="observations"
    )

    class Meta:
        verbose_name = _("waarneming")
        verbose_name_plural = _("waarnemingen")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "area_code", "year"], name="observation_unique"
            )
        ]
        indexes = [
            models.Index(fields=["measure", "year"]),
            models.Index(fields=["area_code", "measure"]),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.area_code} {self.year}: {self.value} ({self.status})"


class SeriesBreak(models.Model):
    """From ``year`` on, the municipality ``area_code`` has its current territory.

    Counts published in the current division for earlier years have no population in the
    same division, so no rate is computed before this year.
    """

    area_code = models.CharField(max_length=10, unique=True)
    year = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("trendbreuk door herindeling")
        verbose_name_plural = _("trendbreuken door herindeling")

    def __str__(self) -> str:
        return f"{self.area_code} vanaf {self.year}"
