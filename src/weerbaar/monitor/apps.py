from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "weerbaar.monitor"
    label = "monitor"
    verbose_name = _("Monitor")

    def ready(self) -> None:
        from weerbaar.monitor.importers import register_importer

        register_importer()
