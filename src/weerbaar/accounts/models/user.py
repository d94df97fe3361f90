from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models.confidentiality import Confidentiality


class User(AbstractUser):
    """A person working for one organisation; what they may see follows from it."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    clearance = models.CharField(
        _("toegang tot vertrouwelijkheid"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.VERTROUWELIJK,
        help_text=_(
            "Het hoogste niveau van vertrouwelijkheid dat deze medewerker mag lezen. Wat "
            "hoger is, bestaat voor deze medewerker niet, ook niet voor een beheerder."
        ),
    )

    is_functional_admin = models.BooleanField(
        _("functioneel beheerder"),
        default=False,
        help_text=_(
            "Beheert in het beheerscherm de gebruikers, rollen en naslaggegevens van de eigen "
            "organisatie, en niets daarbuiten. Zet daarnaast 'medewerker' aan."
        ),
    )

    sso_subject = models.CharField(
        _("kenmerk bij de identiteitsprovider"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_(
            "Vastgelegd bij de eerste inlog via de identiteitsprovider van de organisatie; "
            "daarna logt alleen dat account van de provider als deze gebruiker in."
        ),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.UniqueConstraint(
                fields=["sso_subject"],
                condition=~models.Q(sso_subject=""),
                name="one_user_per_sso_subject",
            )
        ]
