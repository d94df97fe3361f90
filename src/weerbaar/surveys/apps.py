from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _seed(sender: AppConfig, **kwargs: Any) -> None:
    """After every migrate the shipped questionnaire is there; a changed text is stored as a
    new version, the old one stays for the answers given to it."""
    from weerbaar.surveys.services.questionnaires import seed_questionnaires

    seed_questionnaires()


class SurveysConfig(AppConfig):
    name = "weerbaar.surveys"
    label = "surveys"
    verbose_name = _("Scholierenonderzoek")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_seed, sender=self, dispatch_uid="weerbaar-seed-questionnaires")
