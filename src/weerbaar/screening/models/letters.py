"""Letter templates that legal staff edit, and the drafts made from them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    MORE_INFORMATION = "aanvulling", _("verzoek om aanvullende informatie")
    LBB_NOTICE = "lbb-melding", _("mededeling adviesaanvraag LBB")
    INTENTION = "voornemen", _("voornemen tot weigeren met uitnodiging zienswijze")
    DECISION = "besluit", _("besluit")


class LetterTemplate(models.Model):
    kind = models.CharField(
        _("soort brief"), max_length=15, choices=LetterKind.choices, unique=True
    )
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(
        _("tekst"),
        help_text=_(
            "Velden tussen accolades worden ingevuld, bijvoorbeeld {aanvrager}, {kenmerk}, "
            "{soort}, {gevraagd_besluit}, {ontvangen_op}, {datum}, {beslisdatum}, "
            "{termijn_zienswijze}, {besluit}, {grondslag}, {motivering}, {redenen_voornemen}, "
            "{ontbrekend}, {adres}, "
            "{gemeente}, {organisatie}."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("gewijzigd op"))

    class Meta:
        verbose_name = _("briefsjabloon")
        verbose_name_plural = _("briefsjablonen")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Letter(models.Model):
    application = models.ForeignKey(
        "screening.Application", on_delete=models.CASCADE, related_name="letters"
    )
    kind = models.CharField(max_length=15, choices=LetterKind.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject
