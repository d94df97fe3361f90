"""Organisations taking part in the regional approach, and the areas each one covers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("gemeente")
    PROVINCIE = "provincie", _("provincie")
    WATERSCHAP = "waterschap", _("waterschap")
    POLITIE = "politie", _("politie")
    RIEC = "riec", _("RIEC")
    OM = "om", _("Openbaar Ministerie")
    BELASTINGDIENST = "belastingdienst", _("Belastingdienst")
    MMA = "mma", _("Meld Misdaad Anoniem")
    INTERVENTIETEAM = "interventieteam", _("interventieteam")
    SCHOOL = "school", _("school")
    JONGERENWERK = "jongerenwerk", _("jongerenwerk")
    OVERIG = "overig", _("overig")


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    areas = models.ManyToManyField(
        "areas.Area",
        verbose_name=_("werkgebied"),
        related_name="organisations",
        blank=True,
        help_text=_(
            "De gebieden waarvoor deze organisatie werkt; onderliggende gebieden horen erbij."
        ),
    )
    is_intake = models.BooleanField(
        _("centraal meldpunt"),
        default=False,
        help_text=_(
            "Ontvangt signalen zonder bekende plaats of van buiten het werkgebied van alle "
            "deelnemende organisaties."
        ),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemaakt op"))

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
