"""What signals are about: a premises, a business, an online channel, or a description.

One row per real-world thing, shared by every signal (and later case) about it. ``key`` is
the normalised identity ("9711AB|12|A|" for an address) so different spellings meet.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectKind(models.TextChoices):
    PAND = "pand", _("pand of adres")
    BEDRIJF = "bedrijf", _("bedrijf")
    ONLINE = "online", _("online kanaal")
    OMSCHRIJVING = "omschrijving", _("omschrijving")


class SubjectOrigin(models.TextChoices):
    """Who knows the object: the register (a signal, case or inspection named it), or only
    a Bibob application (then only its team sees it, on the application)."""

    REGISTER = "register", _("signalen, zaken of controles")
    BIBOB = "bibob", _("alleen een Bibob-aanvraag")


class Subject(models.Model):
    kind = models.CharField(_("soort"), max_length=20, choices=SubjectKind.choices)
    key = models.CharField(_("sleutel"), max_length=200, unique=True)
    label = models.CharField(_("naam"), max_length=250)
    street = models.CharField(_("straat"), max_length=120, blank=True)
    house_number = models.PositiveIntegerField(_("huisnummer"), null=True, blank=True)
    house_letter = models.CharField(_("huisletter"), max_length=1, blank=True)
    house_addition = models.CharField(_("toevoeging"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True, db_index=True)
    place = models.CharField(_("plaats"), max_length=80, blank=True)
    kvk = models.CharField(_("KvK-nummer"), max_length=8, blank=True, db_index=True)
    trade_names = models.JSONField(_("handelsnamen"), default=list, blank=True)
    addresses = models.ManyToManyField(
        "self", verbose_name=_("adressen"), blank=True, symmetrical=False, related_name="businesses"
    )
    platform = models.CharField(_("platform"), max_length=20, blank=True)
    handle = models.CharField(_("account"), max_length=120, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    latitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True, verbose_name=_("breedtegraad")
    )
    longitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True, verbose_name=_("lengtegraad")
    )
    area = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gebied"),
    )
    municipality = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    origin = models.CharField(
        _("bekend uit"),
        max_length=10,
        choices=SubjectOrigin.choices,
        default=SubjectOrigin.REGISTER,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemaakt op"))

    class Meta:
        verbose_name = _("object")
        verbose_name_plural = _("objecten")
        ordering = ["label"]
        indexes = [models.Index(fields=["municipality", "house_number"])]

    def __str__(self) -> str:
        return self.label

    def scope_area_ids(self) -> Iterable[int]:
        return [pk for pk in (self.area_id, self.municipality_id) if pk is not None]

    def shared_organisation_ids(self) -> list[int]:
        """Organisations handling a signal about this object may read it (not change it)."""
        return list(
            self.links.exclude(signal__owner_organisation=None).values_list(
                "signal__owner_organisation", flat=True
            )
        )


class LinkState(models.TextChoices):
    PROPOSED = "voorgesteld", _("voorgesteld")
    CONFIRMED = "bevestigd", _("bevestigd")
    REJECTED = "afgewezen", _("afgewezen")


class SignalLink(models.Model):
    """A proposed or decided link between a signal and an object, with why it was proposed."""

    signal = models.ForeignKey(
        "signals.Signal", on_delete=models.CASCADE, related_name="links", verbose_name=_("signaal")
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="links", verbose_name=_("object")
    )
    state = models.CharField(
        _("status"), max_length=20, choices=LinkState.choices, default=LinkState.PROPOSED
    )
    score = models.PositiveSmallIntegerField(_("score"))
    reason = models.CharField(_("reden"), max_length=250)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("besloten door"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("besloten op"))
    created_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("gemaakt op")
    )

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["-score", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["signal", "subject"], name="one_link_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.signal} → {self.subject} ({self.state})"

    def scope_area_ids(self) -> Iterable[int]:
        return self.signal.scope_area_ids()

    @property
    def owner_organisation_id(self) -> int | None:
        return self.signal.owner_organisation_id

    @property
    def owner_only(self) -> bool:
        return self.signal.owner_only
