"""Custom regions: a named set of municipalities (e.g. "Noord-Groningen", a RIEC region)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam in de URL"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    members = models.ManyToManyField(
        "areas.Area",
        verbose_name=_("gemeenten"),
        related_name="regions",
        limit_choices_to={"level": "gemeente"},
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemaakt op"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("gewijzigd op"))

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
