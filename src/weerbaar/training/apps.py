from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _seed(sender: AppConfig, **kwargs: Any) -> None:
    """After every migrate the shipped scenarios are there; a changed scenario is stored as
    a new version, and completions keep the version they did."""
    from weerbaar.training.services.scenarios import sync_shipped

    sync_shipped()


class TrainingConfig(AppConfig):
    name = "weerbaar.training"
    label = "training"
    verbose_name = _("Training signalen herkennen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_seed, sender=self, dispatch_uid="weerbaar-seed-scenarios")
