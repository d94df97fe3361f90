from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "weerbaar.areas"
    label = "areas"
    verbose_name = _("Gebieden")

    def ready(self) -> None:
        from weerbaar.areas.services.importing import register_importer

        register_importer()
