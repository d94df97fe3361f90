"""A signal: what someone noticed, where and when, and everything that happened to it.

Anonymous reports hold only what the reporter typed and chose: no address of the
reporter's computer, no browser details, no contact details. The reporter's way back is
the receipt code plus a secret of which only a keyed hash is stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The levels belong to the access model (a ceiling on every reader); signals re-export them.
from weerbaar.accounts.models import Confidentiality as Confidentiality
from weerbaar.core.append_only import AppendOnlyMixin


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", _("ontvangen")
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    DOORGESTUURD = "doorgestuurd", _("doorgestuurd naar partner")
    BUITEN_GEBIED = "buiten_gebied", _("buiten ons gebied")
    AFGEHANDELD = "afgehandeld", _("afgehandeld")


class Channel(models.TextChoices):
    PUBLIEK = "publiek", _("anonieme melding")
    AMBTENAAR = "ambtenaar", _("ambtenaar")
    PARTNER = "partner", _("partnersysteem")


class Source(models.TextChoices):
    MELDER = "melder", _("bewoner (anoniem)")
    EIGEN = "eigen_waarneming", _("eigen waarneming")
    COLLEGA = "collega", _("collega")
    PARTNER = "partner", _("partnerorganisatie")
    MMA = "mma", _("Meld Misdaad Anoniem")


class LocationKind(models.TextChoices):
    ADRES = "adres", _("adres")
    GEBIED = "gebied", _("gemeente of wijk")
    PUNT = "punt", _("punt op de kaart")
    ONLINE = "online", _("online")
    ONBEKEND = "onbekend", _("onbekend")


class Platform(models.TextChoices):
    SNAPCHAT = "snapchat", "Snapchat"
    TIKTOK = "tiktok", "TikTok"
    TELEGRAM = "telegram", "Telegram"
    INSTAGRAM = "instagram", "Instagram"
    WHATSAPP = "whatsapp", "WhatsApp"
    SIGNAL = "signal", "Signal"
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X (Twitter)"
    ANDERS = "anders", _("anders")


class Signal(models.Model):
    receipt = models.CharField(_("ontvangstcode"), max_length=20, unique=True)
    secret_hash = models.CharField(max_length=64, blank=True, editable=False)
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices)
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices)
    source_reference = models.CharField(
        _("kenmerk bron"), max_length=60, blank=True, help_text=_("Bijvoorbeeld het MMA-nummer.")
    )
    confidentiality = models.CharField(
        _("vertrouwelijkheid"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.NORMAAL,
    )

    description = models.TextField(_("wat is er aan de hand"))
    answers = models.JSONField(_("antwoorden op vervolgvragen"), default=dict, blank=True)
    category = models.ForeignKey(
        "signals.Category",
        verbose_name=_("categorie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signals",
    )
    category_confirmed = models.BooleanField(_("categorie bevestigd"), default=False)
    suggested_category = models.ForeignKey(
        "signals.Category",
        verbose_name=_("voorgestelde categorie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suggestion_confidence = models.FloatField(_("zekerheid voorstel"), null=True, blank=True)
    suggestion_terms = models.JSONField(_("woorden achter het voorstel"), default=list, blank=True)
    indicators = models.ManyToManyField(
        "signals.ChecklistIndicator", verbose_name=_("indicatoren"), blank=True
    )

    location_kind = models.CharField(
        _("soort plaats"),
        max_length=10,
        choices=LocationKind.choices,
        default=LocationKind.ONBEKEND,
    )
    street = models.CharField(_("straat"), max_length=120, blank=True)
    house_number = models.PositiveIntegerField(_("huisnummer"), null=True, blank=True)
    house_letter = models.CharField(_("huisletter"), max_length=1, blank=True)
    house_addition = models.CharField(_("toevoeging"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    place = models.CharField(_("plaats"), max_length=80, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    online_platform = models.CharField(
        _("platform"), max_length=20, choices=Platform.choices, blank=True
    )
    online_handle = models.CharField(_("account of groep"), max_length=120, blank=True)
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("gebied"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Het kleinste bekende gebied: buurt, wijk of gemeente."),
    )
    municipality = models.ForeignKey(
        "areas.Area",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    outside_region = models.BooleanField(_("buiten ons gebied"), default=False)

    occurred_on = models.DateField(_("datum"), null=True, blank=True)
    occurred_note = models.CharField(_("wanneer (toelichting)"), max_length=200, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ONTVANGEN
    )
    status_changed_at = models.DateTimeField(_("status gewijzigd"), auto_now_add=True)
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("behandelende organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "status_changed_at"]),
            models.Index(fields=["municipality", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.receipt

    # The permission service (accounts.services.access) reads these three.
    def scope_area_ids(self) -> Iterable[int]:
        return [pk for pk in (self.area_id, self.municipality_id) if pk is not None]

    def shared_organisation_ids(self) -> list[int]:
        return [share.organisation_id for share in self.shares.all()]

    @property
    def owner_only(self) -> bool:
        """A confidential signal is not opened by another organisation's area: only its
        own organisation (within clearance) and those it was shared with see it."""
        return self.confidentiality != Confidentiality.NORMAAL

    @property
    def is_anonymous(self) -> bool:
        return self.channel == Channel.PUBLIEK

    def address_line(self) -> str:
        number = f"{self.house_number or ''}{self.house_letter}"
        if self.house_addition:
            number = f"{number}-{self.house_addition}"
        parts = [" ".join(p for p in (self.street, number) if p)]
        postcode = f"{self.postcode[:4]} {self.postcode[4:]}" if self.postcode else ""
        parts.append(" ".join(p for p in (postcode, self.place) if p))
        return ", ".join(p for p in parts if p)


#: Rows the area rule does not open (see accounts.services.access.scope_queryset).
OWNER_ONLY = ~Q(confidentiality=Confidentiality.NORMAAL)


class Attachment(models.Model):
    """A photo or screenshot, re-encoded on arrival (no metadata), stored in the database
    so it is committed in the same transaction as its signal: never one without the other."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="attachments")
    number = models.PositiveSmallIntegerField(_("volgnummer"))
    content_type = models.CharField(max_length=30)
    data = models.BinaryField()
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["signal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["signal", "number"], name="attachment_number_unique")
        ]

    def __str__(self) -> str:
        return self.file_name

    @property
    def file_name(self) -> str:
        extension = "png" if self.content_type == "image/png" else "jpg"
        return f"{self.signal.receipt}-bijlage-{self.number}.{extension}"


class EventKind(models.TextChoices):
    CREATED = "aangemaakt", _("ontvangen")
    STATUS = "status", _("status gewijzigd")
    CATEGORY = "categorie", _("categorie vastgesteld")
    NOTE = "notitie", _("notitie")
    QUESTION = "vraag", _("vraag aan melder")
    REPORTER = "aanvulling", _("aanvulling van melder")
    SHARED = "gedeeld", _("gedeeld met partner")
    ANONYMISED = "geanonimiseerd", _("geanonimiseerd")


class SignalEvent(AppendOnlyMixin):
    """One line of a signal's history, like Signalen's ``Signal.actions``. Retention
    removes whole signals or blanks the texts (``retention.anonymise``), nothing else."""

    append_only_noun = "Regels in de geschiedenis van een signaal"

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    status_from = models.CharField(max_length=20, choices=Status.choices, blank=True)
    status_to = models.CharField(max_length=20, choices=Status.choices, blank=True)
    text = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    visible_to_reporter = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("geschiedenis")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.signal_id} {self.kind}"


class SignalShare(models.Model):
    """A signal handed to a partner organisation: what exactly was shared, by whom, why."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("gedeeld met"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    shared_text = models.TextField(_("gedeelde tekst"))
    legal_basis = models.CharField(_("grondslag"), max_length=200)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gedeeld signaal")
        verbose_name_plural = _("gedeelde signalen")
        ordering = ["-shared_at"]
        constraints = [
            models.UniqueConstraint(fields=["signal", "organisation"], name="share_once_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.signal} → {self.organisation}"
