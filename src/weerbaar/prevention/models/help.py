"""Where parents get help: organisations per municipality (or for everyone)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class HelpKind(models.TextChoices):
    ADVICE = "advies", _("Advies en opvoedhulp")
    YOUTH = "jeugd", _("Jongerenwerk en jeugdhulp")
    SAFETY = "veiligheid", _("Veiligheid en melden")
    ADDICTION = "verslaving", _("Verslavingszorg")
    EMERGENCY = "nood", _("Direct gevaar")


class HelpOrganisation(models.Model):
    name = models.CharField(_("naam"), max_length=160)
    kind = models.CharField(_("soort hulp"), max_length=20, choices=HelpKind.choices)
    description = models.CharField(_("wat zij doen"), max_length=400)
    municipality_code = models.CharField(
        _("gemeentecode"),
        max_length=10,
        blank=True,
        help_text=_("Bijvoorbeeld GM0014. Leeg: voor iedereen (landelijk of regionaal)."),
    )
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    hours = models.CharField(_("bereikbaar"), max_length=200, blank=True)
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("tonen"), default=True)

    class Meta:
        verbose_name = _("hulporganisatie")
        verbose_name_plural = _("hulporganisaties")
        ordering = ["municipality_code", "position", "name"]

    def __str__(self) -> str:
        return self.name
