"""The indicator catalogue: what a figure means, where it comes from, how to read it.

Rows are synced from ``catalogue.yaml`` by ``weerbaar import monitor``; the file is the
source of truth so definitions are reviewed like code.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    AANTAL = "aantal", _("aantal")
    PROCENT = "procent", _("%")
    PER_1000 = "per_1000", _("per 1.000 inwoners")
    PER_10000 = "per_10000", _("per 10.000 inwoners")
    PER_KM2 = "per_km2", _("per km²")
    SCORE = "score", _("score")
    KLASSE = "klasse", _("klasse 1-9")


class Direction(models.TextChoices):
    HIGHER_WORSE = "hoger_slechter", _("hoger is ongunstiger")
    HIGHER_BETTER = "hoger_beter", _("hoger is gunstiger")
    NEUTRAL = "neutraal", _("neutraal")


class Aggregation(models.TextChoices):
    SUM = "sum", _("som van aantallen")
    RATIO = "ratio", _("som van tellers gedeeld door som van noemers")
    WEIGHTED_MEAN = "weighted_mean", _("gewogen gemiddelde")
    NONE = "none", _("niet op te tellen")


class Indicator(models.Model):
    code = models.SlugField(_("code"), max_length=80, unique=True)
    theme = models.CharField(_("thema"), max_length=40)
    name = models.CharField(_("naam"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200)
    definition = models.TextField(_("definitie"))
    numerator = models.CharField(_("teller (meetreeks)"), max_length=80)
    denominator = models.CharField(_("noemer (meetreeks)"), max_length=80, blank=True)
    weight_measure = models.CharField(_("gewicht (meetreeks)"), max_length=80, blank=True)
    scale = models.PositiveIntegerField(_("schaal"), default=1)
    unit = models.CharField(_("eenheid"), max_length=20, choices=Unit.choices)
    direction = models.CharField(_("richting"), max_length=20, choices=Direction.choices)
    aggregation = models.CharField(_("optellen"), max_length=20, choices=Aggregation.choices)
    levels = models.JSONField(_("niveaus"), default=list)
    publisher = models.CharField(_("uitgever"), max_length=200)
    table_id = models.CharField(_("tabel"), max_length=100)
    source_url = models.URLField(_("bron-URL"), max_length=300)
    licence = models.CharField(_("licentie"), max_length=200)
    citation = models.CharField(_("bronvermelding"), max_length=300)
    notes = models.TextField(_("toelichting"), blank=True)
    #: a published class (1-9) per value, shown in words beside it (Leefbaarometer)
    class_measure = models.CharField(_("klasse (meetreeks)"), max_length=80, blank=True)
    class_words = models.CharField(_("klassen in woorden"), max_length=20, blank=True)
    #: the denominator may come from a year at most this far away (nearest, later first)
    denominator_years_apart = models.PositiveSmallIntegerField(
        _("noemer uit ander jaar (max. jaren)"), default=0
    )
    #: a note on how registration affects the figure (police-registered crime)
    registration_note = models.BooleanField(_("toelichting registratie-effecten"), default=False)
    #: another indicator shown beside this one: the enforcement effort behind the figure
    effort_indicator = models.CharField(_("inzet-indicator"), max_length=80, blank=True)
    #: shown when the source table is not loaded: how to load it
    load_hint = models.TextField(_("hoe te laden"), blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_rate(self) -> bool:
        return bool(self.denominator)
