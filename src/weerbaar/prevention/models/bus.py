"""The campaign's camper bus: visit requests from organisations, the bus itself and the
tour plans made from accepted requests.

A request is not anonymous: the coordinator needs a person to agree the visit with. Only
what is needed for that is asked, and it is removed after the retention period
(``weerbaar purge``)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", _("School")
    YOUTH_WORK = "jongerenwerk", _("Jongerenwerk")
    SPORTS = "sportclub", _("Sportvereniging")
    LIBRARY = "bibliotheek", _("Bibliotheek")
    MUNICIPALITY = "gemeente", _("Gemeente")
    OTHER = "anders", _("Andere organisatie")


class RequestState(models.TextChoices):
    SUBMITTED = "ingediend", _("Ingediend, nog niet beoordeeld")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd")
    RESCHEDULED = "verzet", _("Geaccepteerd op een ander moment")
    DECLINED = "afgewezen", _("Afgewezen")
    WITHDRAWN = "ingetrokken", _("Ingetrokken door de aanvrager")
    DONE = "geweest", _("De bus is geweest")


#: states in which a request takes part in tour planning
PLANNABLE = (RequestState.ACCEPTED, RequestState.RESCHEDULED)


class Bus(models.Model):
    name = models.CharField(_("naam"), max_length=120)
    depot = models.CharField(_("standplaats"), max_length=200)
    depot_latitude = models.DecimalField(
        _("breedtegraad standplaats"), max_digits=9, decimal_places=6
    )
    depot_longitude = models.DecimalField(
        _("lengtegraad standplaats"), max_digits=9, decimal_places=6
    )
    day_start = models.TimeField(_("werkdag begint"), default=dt.time(8, 30))
    day_end = models.TimeField(_("werkdag eindigt"), default=dt.time(21, 30))
    setup_minutes = models.PositiveIntegerField(_("opbouwen (minuten)"), default=30)
    teardown_minutes = models.PositiveIntegerField(_("afbouwen (minuten)"), default=20)
    road_factor = models.DecimalField(
        _("omrijfactor"),
        max_digits=3,
        decimal_places=2,
        default=1.3,
        help_text=_("Hemelsbrede afstand maal deze factor is de geschatte wegafstand."),
    )
    speed_kmh = models.PositiveIntegerField(_("gemiddelde snelheid (km/u)"), default=60)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("camperbus")
        verbose_name_plural = _("camperbussen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BusRequest(models.Model):
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    organisation_name = models.CharField(_("naam organisatie"), max_length=160)
    organisation_kind = models.CharField(
        _("soort organisatie"), max_length=20, choices=OrganisationKind.choices
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=120)
    contact_email = models.EmailField(_("e-mailadres"))
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    street = models.CharField(_("straat en huisnummer"), max_length=160)
    postcode = models.CharField(_("postcode"), max_length=7)
    place = models.CharField(_("plaats"), max_length=80)
    municipality = models.ForeignKey(
        "areas.Area", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    position_note = models.CharField(_("hoe de plek bepaald is"), max_length=200, blank=True)
    audience = models.CharField(_("voor wie"), max_length=200)
    expected_visitors = models.PositiveIntegerField(
        _("verwacht aantal bezoekers"), validators=[MinValueValidator(1), MaxValueValidator(5000)]
    )
    visit_minutes = models.PositiveIntegerField(
        _("duur van het bezoek (minuten)"),
        validators=[MinValueValidator(30), MaxValueValidator(480)],
    )
    listed_publicly = models.BooleanField(_("naam organisatie mag op de website"), default=False)
    remarks = models.TextField(_("opmerkingen"), blank=True, max_length=2000)
    state = models.CharField(
        _("status"), max_length=20, choices=RequestState.choices, default=RequestState.SUBMITTED
    )
    coordinator_message = models.TextField(
        _("bericht aan de aanvrager"), blank=True, max_length=2000
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aanvraag camperbus")
        verbose_name_plural = _("aanvragen camperbus")
        ordering = ["-created_at"]
        permissions = [("decide_busrequest", _("Kan aanvragen voor de camperbus beoordelen"))]

    def __str__(self) -> str:
        return f"{self.reference} {self.organisation_name}"

    def scope_area_ids(self) -> list[int]:
        return [self.municipality_id]

    @property
    def last_date(self) -> dt.date | None:
        return max((w.date for w in self.windows.all()), default=None)


class RequestWindow(models.Model):
    """A date and time span in which the visit may take place (the visit lies wholly
    inside it)."""

    request = models.ForeignKey(BusRequest, on_delete=models.CASCADE, related_name="windows")
    date = models.DateField(_("datum"))
    start = models.TimeField(_("vanaf"))
    end = models.TimeField(_("tot"))
    proposed_by_coordinator = models.BooleanField(default=False)

    class Meta:
        ordering = ["date", "start"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.start:%H:%M}–{self.end:%H:%M}"


class PlanState(models.TextChoices):
    DRAFT = "concept", _("Concept")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    REPLACED = "vervangen", _("Vervangen door een nieuwer plan")


class TourPlan(models.Model):
    bus = models.ForeignKey(Bus, on_delete=models.PROTECT, related_name="plans")
    first_day = models.DateField(_("eerste dag"))
    last_day = models.DateField(_("laatste dag"))
    weekdays = models.JSONField(_("rijdagen (0 = maandag)"), default=list)
    excluded_days = models.JSONField(_("uitgesloten dagen"), default=list)
    priority_indicator = models.CharField(_("voorrangsindicator"), max_length=80, blank=True)
    priority_percentile = models.PositiveIntegerField(
        _("voorrang vanaf percentiel"),
        default=75,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
    )
    state = models.CharField(max_length=20, choices=PlanState.choices, default=PlanState.DRAFT)
    drive_minutes = models.PositiveIntegerField(default=0)
    drive_kilometres = models.PositiveIntegerField(default=0)
    solve_seconds = models.FloatField(default=0)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tourplan")
        verbose_name_plural = _("tourplannen")
        ordering = ["-created_at"]
        permissions = [("plan_tour", _("Kan tours van de camperbus plannen"))]

    def __str__(self) -> str:
        return f"{self.bus} {self.first_day:%d-%m-%Y}–{self.last_day:%d-%m-%Y}"

    @property
    def owner_organisation_id(self) -> int | None:
        return self.organisation_id


class TourStop(models.Model):
    plan = models.ForeignKey(TourPlan, on_delete=models.CASCADE, related_name="stops")
    request = models.ForeignKey(BusRequest, on_delete=models.CASCADE, related_name="stops")
    date = models.DateField()
    position = models.PositiveIntegerField()
    arrival = models.TimeField()
    visit_start = models.TimeField()
    visit_end = models.TimeField()
    departure = models.TimeField()
    drive_minutes = models.PositiveIntegerField()
    priority = models.BooleanField(default=False)
    priority_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["date", "position"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.position}. {self.request_id}"


class TourDrop(models.Model):
    """A request that did not fit, with the reason in words."""

    plan = models.ForeignKey(TourPlan, on_delete=models.CASCADE, related_name="drops")
    request = models.ForeignKey(BusRequest, on_delete=models.CASCADE, related_name="drops")
    reason = models.CharField(max_length=600)
    priority = models.BooleanField(default=False)
    priority_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["request__reference"]

    def __str__(self) -> str:
        return self.reason


class DayReturn(models.Model):
    """When the bus is back at its standplaats on a planned day."""

    plan = models.ForeignKey(TourPlan, on_delete=models.CASCADE, related_name="days")
    date = models.DateField()
    leaves = models.TimeField()
    returns = models.TimeField()
    drive_minutes = models.PositiveIntegerField()

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y}"
