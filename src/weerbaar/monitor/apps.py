from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_catalogue(sender: AppConfig, **kwargs: Any) -> None:
    """After every migrate the indicator definitions match catalogue.yaml, so an upgrade
    shows new indicators (and their 'not loaded yet' pages) before any data is imported."""
    from weerbaar.core.imports import EntityCount
    from weerbaar.monitor.importers.catalogue import sync_catalogue

    sync_catalogue(EntityCount())


class MonitorConfig(AppConfig):
    name = "weerbaar.monitor"
    label = "monitor"
    verbose_name = _("Monitor")

    def ready(self) -> None:
        from weerbaar.monitor.importers import register_importer

        register_importer()
        post_migrate.connect(
            _sync_catalogue, sender=self, dispatch_uid="weerbaar-sync-monitor-catalogue"
        )
