"""School safety covenants: agreements between schools, municipality, police and youth
work, with the date they should be looked at again."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartyRole(models.TextChoices):
    SCHOOL = "school", _("School")
    MUNICIPALITY = "gemeente", _("Gemeente")
    POLICE = "politie", _("Politie")
    YOUTH_WORK = "jongerenwerk", _("Jongerenwerk")
    OTHER = "anders", _("Andere partij")


class Covenant(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    municipality = models.ForeignKey(
        "areas.Area", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    signed_on = models.DateField(_("ondertekend op"))
    scope = models.TextField(_("afspraken en reikwijdte"), max_length=3000)
    review_on = models.DateField(_("evalueren op"))
    ends_on = models.DateField(_("loopt tot"), null=True, blank=True)
    contact = models.CharField(_("contactpersoon gemeente"), max_length=160, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemaakt op"))

    class Meta:
        verbose_name = _("veiligheidsconvenant school")
        verbose_name_plural = _("veiligheidsconvenanten scholen")
        ordering = ["municipality__name", "-signed_on"]

    def __str__(self) -> str:
        return self.title

    def scope_area_ids(self) -> list[int]:
        return [self.municipality_id]


class CovenantParty(models.Model):
    covenant = models.ForeignKey(Covenant, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(_("naam"), max_length=160)
    role = models.CharField(_("rol"), max_length=20, choices=PartyRole.choices)

    class Meta:
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")
        ordering = ["role", "name"]

    def __str__(self) -> str:
        return self.name
