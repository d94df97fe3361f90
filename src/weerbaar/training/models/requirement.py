from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.training.models.scenario import TargetGroup


def default_refresh_days() -> int:
    return int(getattr(settings, "WEERBAAR_TRAINING_REFRESH_DAYS", 365))


class Requirement(models.Model):
    """What an organisation asks of its officials: a scenario of this target group, done
    again every ``refresh_days`` (BIO2 5.04.01). For one role, or for everyone."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.ForeignKey(
        "auth.Group",
        verbose_name=_("rol"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leeg: iedereen van de organisatie."),
    )
    target_group = models.CharField(_("doelgroep"), max_length=20, choices=TargetGroup.choices)
    refresh_days = models.PositiveIntegerField(
        _("opfrissen na (dagen)"),
        default=default_refresh_days,
        validators=[MinValueValidator(30), MaxValueValidator(1825)],
    )
    is_active = models.BooleanField(_("actief"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingesteld door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ingesteld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("trainingsverplichting")
        verbose_name_plural = _("trainingsverplichtingen")
        ordering = ["organisation", "target_group", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "role", "target_group"],
                condition=models.Q(is_active=True),
                name="training_one_active_requirement",
            )
        ]

    def __str__(self) -> str:
        who = self.role.name if self.role else "iedereen"
        return f"{self.organisation}: {self.get_target_group_display()} ({who})"
