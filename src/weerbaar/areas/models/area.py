"""Provinces, municipalities, districts and neighbourhoods as they are in a range of years.

A CBS code names an area only within a division year: municipalities merge and codes are
reused with another territory (GM0014 Groningen grew in 2019). So an ``Area`` row is one
code *with one meaning*, valid from ``valid_from`` up to and including ``valid_to``; a
later redivision adds a new row instead of editing this one.
"""

from __future__ import annotations

import re

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AreaLevel(models.TextChoices):
    PROVINCIE = "provincie", _("provincie")
    GEMEENTE = "gemeente", _("gemeente")
    WIJK = "wijk", _("wijk")
    BUURT = "buurt", _("buurt")


#: The CBS code format of each level; the municipality is in characters 3-6 of WK/BU codes.
CODE_PATTERNS: dict[str, re.Pattern[str]] = {
    AreaLevel.PROVINCIE: re.compile(r"^PV\d{2}$", re.ASCII),
    AreaLevel.GEMEENTE: re.compile(r"^GM\d{4}$", re.ASCII),
    AreaLevel.WIJK: re.compile(r"^WK\d{4}[0-9A-Z]{2}$", re.ASCII),
    AreaLevel.BUURT: re.compile(r"^BU\d{4}[0-9A-Z]{4}$", re.ASCII),
}

CHILD_LEVEL: dict[str, str | None] = {
    AreaLevel.PROVINCIE: AreaLevel.GEMEENTE,
    AreaLevel.GEMEENTE: AreaLevel.WIJK,
    AreaLevel.WIJK: AreaLevel.BUURT,
    AreaLevel.BUURT: None,
}


def level_of_code(code: str) -> str | None:
    for level, pattern in CODE_PATTERNS.items():
        if pattern.match(code):
            return level
    return None


class AreaQuerySet(models.QuerySet["Area"]):
    def valid_in(self, year: int) -> AreaQuerySet:
        return self.filter(valid_from__lte=year).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=year)
        )

    def current(self) -> AreaQuerySet:
        """The areas of the newest division loaded (no end year known)."""
        return self.filter(valid_to__isnull=True)


class Area(models.Model):
    code = models.CharField(_("code"), max_length=10, db_index=True)
    level = models.CharField(_("niveau"), max_length=10, choices=AreaLevel.choices, db_index=True)
    name = models.CharField(_("naam"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("valt onder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.PositiveSmallIntegerField(
        _("geldig vanaf jaar"),
        help_text=_("Eerste jaar van de indeling waarin deze code dit gebied is."),
    )
    valid_to = models.PositiveSmallIntegerField(
        _("geldig tot en met jaar"),
        null=True,
        blank=True,
        help_text=_("Laatste jaar; leeg als er geen einde bekend is."),
    )
    geometry = models.JSONField(
        _("grens (GeoJSON, WGS84)"),
        null=True,
        blank=True,
        help_text=_("Gegeneraliseerd, voor kaarten."),
    )
    geometry_source = models.CharField(_("bron van de grens"), max_length=200, blank=True)
    source = models.CharField(_("bron"), max_length=200, blank=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"], name="area_code_valid_from_unique"
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(valid_to__isnull=True),
                name="area_one_current_per_code",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="area_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def child_level(self) -> str | None:
        return CHILD_LEVEL[self.level]

    def is_valid_in(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or self.valid_to >= year)
