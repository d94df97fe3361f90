from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "weerbaar.selection"
    label = "selection"
    verbose_name = _("Selectie van gebieden")

    def ready(self) -> None:
        from weerbaar.core import imports
        from weerbaar.selection.services.programmes_import import (
            has_programmes,
            import_programmes,
        )

        imports.register(
            imports.Importer(
                name="programmas",
                description="deelnemers van Preventie met Gezag en de NPLV-focusgebieden",
                run=import_programmes,
                has_data=has_programmes,
            )
        )
