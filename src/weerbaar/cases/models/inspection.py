"""The regional intervention team's inspections: a day with stops, the visit at each
stop (situation, findings, photos, participants) and the measures that follow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Discipline(models.TextChoices):
    HANDHAVING = "handhaving", _("gemeentelijke handhaving")
    POLITIE = "politie", _("politie")
    BELASTINGDIENST = "belastingdienst", _("Belastingdienst")
    BRANDWEER = "brandweer", _("brandweer")
    WATERSCHAP = "waterschap", _("waterschap")
    NETBEHEERDER = "netbeheerder", _("netbeheerder")


class StartLocation(models.Model):
    """A place an inspection day starts from, e.g. the team's office, kept so a planner
    picks it instead of typing coordinates."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("naam"), max_length=120)
    address = models.CharField(_("adres"), max_length=200)
    latitude = models.DecimalField(_("breedtegraad"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=8, decimal_places=5)

    class Meta:
        verbose_name = _("vertrekpunt")
        verbose_name_plural = _("vertrekpunten")
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="one_start_per_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.address})"


class Inspection(models.Model):
    date = models.DateField(_("datum"))
    team = models.CharField(_("team"), max_length=120)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    disciplines = models.JSONField(_("disciplines"), default=list)
    start_time = models.TimeField(_("start"), default=dt.time(9, 0))
    depot_latitude = models.DecimalField(
        _("vertrekpunt breedtegraad"), max_digits=8, decimal_places=5
    )
    depot_longitude = models.DecimalField(
        _("vertrekpunt lengtegraad"), max_digits=8, decimal_places=5
    )
    depot_label = models.CharField(_("vertrekpunt"), max_length=200, blank=True)
    route_minutes = models.PositiveIntegerField(_("rijtijd (minuten)"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("controledag")
        verbose_name_plural = _("controledagen")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.team}"

    @property
    def owner_organisation_id(self) -> int:
        return self.organisation_id

    def scope_area_ids(self) -> Iterable[int]:
        ids: set[int] = set()
        for stop in self.stops.all():
            ids.update(stop.subject.scope_area_ids())
        return ids


class InspectionStop(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="stops")
    subject = models.ForeignKey(
        "cases.Subject", verbose_name=_("object"), on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), null=True, blank=True)
    arrival = models.TimeField(_("aankomst"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"), default=45)

    class Meta:
        verbose_name = _("adres op de controledag")
        verbose_name_plural = _("adressen op de controledag")
        ordering = ["inspection", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "subject"], name="one_stop_per_subject")
        ]

    def __str__(self) -> str:
        return f"{self.inspection}: {self.subject}"


class Situation(models.TextChoices):
    ACCESS = "toegang", _("toegang verleend")
    NOBODY = "niemand", _("niemand aanwezig")
    REFUSED = "geen_medewerking", _("geen medewerking")


class Finding(models.TextChoices):
    HENNEP = "hennepteelt", _("hennepteelt")
    DRUGSLAB = "drugslab", _("resten van een drugslab")
    DRUGS = "drugs_aanwezig", _("drugs aangetroffen")
    ILLEGALE_BEWONING = "illegale_bewoning", _("illegale bewoning")
    BRANDVEILIGHEID = "brandveiligheid", _("brandonveilige situatie")
    ADMINISTRATIE = "administratie", _("administratie ontbreekt")
    VERGUNNING = "vergunning", _("vergunning ontbreekt of klopt niet")
    STROOM = "stroom", _("illegale stroomaftap")


class Visit(models.Model):
    stop = models.OneToOneField(InspectionStop, on_delete=models.CASCADE, related_name="visit")
    situation = models.CharField(
        _("aangetroffen situatie"), max_length=20, choices=Situation.choices
    )
    findings = models.JSONField(_("bevindingen"), default=list)
    notes = models.TextField(_("toelichting"), blank=True)
    participants = models.CharField(_("aanwezig namens"), max_length=250, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bezoek")
        verbose_name_plural = _("bezoeken")

    def __str__(self) -> str:
        return f"{self.stop}: {self.situation}"


class VisitPhoto(models.Model):
    """Cleaned like reporters' photos: redrawn from pixels, no metadata."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="photos")
    content_type = models.CharField(max_length=30)
    data = models.BinaryField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("foto van bezoek")
        verbose_name_plural = _("foto's van bezoeken")

    def __str__(self) -> str:
        return f"foto {self.pk}"


class MeasureKind(models.TextChoices):
    WAARSCHUWING = "waarschuwing", _("waarschuwing")
    SLUITING_13B = "sluiting_13b", _("sluiting (art. 13b Opiumwet)")
    INTREKKING = "intrekking", _("intrekking van de vergunning")
    WEIGERING = "weigering", _("weigering van de vergunning")
    BIBOB = "bibob", _("verzoek om Bibob-toets")
    AANGIFTE = "aangifte", _("aangifte bij de politie")
    BELASTINGDIENST = "belastingdienst", _("melding aan de Belastingdienst")


class Measure(models.Model):
    visit = models.ForeignKey(
        Visit, null=True, blank=True, on_delete=models.CASCADE, related_name="measures"
    )
    kind = models.CharField(_("maatregel"), max_length=20, choices=MeasureKind.choices)
    legal_basis = models.CharField(_("grondslag"), max_length=200)
    follow_up = models.DateField(_("vervolgtermijn"))
    note = models.TextField(_("toelichting"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        ordering = ["follow_up"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} tot {self.follow_up}"
