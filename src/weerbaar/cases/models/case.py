"""A case: work opened from signals and objects, moving through states along a
transition table (services.workflow), with an append-only timeline."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Confidentiality
from weerbaar.core.append_only import AppendOnlyMixin


class CaseState(models.TextChoices):
    INTAKE = "intake", _("intake")
    ONDERZOEK = "onderzoek", _("onderzoek")
    CONTROLE_GEPLAND = "controle_gepland", _("controle gepland")
    MAATREGELEN = "maatregelen", _("maatregelen")
    NAZORG = "nazorg", _("nazorg (monitoren)")
    GESLOTEN = "gesloten", _("gesloten")


class Case(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    state = models.CharField(
        _("fase"), max_length=20, choices=CaseState.choices, default=CaseState.INTAKE
    )
    deadline = models.DateField(_("termijn van deze fase"), null=True, blank=True)
    owner_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    team = models.CharField(_("team"), max_length=120, blank=True)
    confidentiality = models.CharField(
        _("vertrouwelijkheid"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.NORMAAL,
        help_text=_(
            "Vertrouwelijk: andere organisaties zien de zaak alleen als u haar met hen deelt. "
            "Zeer vertrouwelijk: ook geen verwijzing naar het RIEC in Bibob-toetsen."
        ),
    )
    sensitive = models.BooleanField(
        _("gevoelig"),
        default=False,
        help_text=_("Alleen zichtbaar voor de hieronder genoemde medewerkers."),
    )
    named_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("genoemde medewerkers"),
        blank=True,
        related_name="+",
    )
    partner_references = models.JSONField(_("kenmerken partners"), default=dict, blank=True)
    subjects = models.ManyToManyField(
        "cases.Subject", verbose_name=_("objecten"), blank=True, related_name="cases"
    )
    signals = models.ManyToManyField(
        "signals.Signal", verbose_name=_("signalen"), blank=True, related_name="cases"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gemaakt door"),
    )
    created_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("gemaakt op")
    )

    class Meta:
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Z{self.pk} {self.title}"

    def scope_area_ids(self) -> Iterable[int]:
        ids: set[int] = set()
        for subject in self.subjects.all():
            ids.update(subject.scope_area_ids())
        return ids

    def shared_organisation_ids(self) -> list[int]:
        return [share.organisation_id for share in self.shares.all()]

    @property
    def owner_only(self) -> bool:
        """A confidential case is not opened by another organisation's area."""
        return self.confidentiality != Confidentiality.NORMAAL

    def restricted_user_ids(self) -> set[int] | None:
        """None: no restriction. Otherwise only these users may see the case at all."""
        if not self.sensitive:
            return None
        return {user.pk for user in self.named_users.all()}


class CaseEvent(AppendOnlyMixin):
    append_only_noun = "Regels in de tijdlijn van een zaak"

    class Kind(models.TextChoices):
        CREATED = "aangemaakt", _("zaak geopend")
        STATE = "fase", _("fase gewijzigd")
        NOTE = "notitie", _("notitie")
        SHARED = "gedeeld", _("gedeeld met partner")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    state_from = models.CharField(max_length=20, choices=CaseState.choices, blank=True)
    state_to = models.CharField(max_length=20, choices=CaseState.choices, blank=True)
    text = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("tijdlijnregel")
        verbose_name_plural = _("tijdlijn")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"


class CaseShare(models.Model):
    """What a partner organisation received: a summary the handler checked, and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("gedeeld met"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.TextField(_("gedeelde samenvatting"))
    legal_basis = models.CharField(_("grondslag"), max_length=200)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gedeelde zaak")
        verbose_name_plural = _("gedeelde zaken")
        ordering = ["-shared_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation"], name="case_shared_once_per_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.organisation}"
