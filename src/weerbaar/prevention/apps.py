from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreventionConfig(AppConfig):
    name = "weerbaar.prevention"
    label = "prevention"
    verbose_name = _("Preventie")

    def ready(self) -> None:
        from weerbaar.core import imports, retention
        from weerbaar.prevention.services import bookings, interventions_import

        retention.register("camperbus", bookings.purge)
        imports.register(
            imports.Importer(
                name="interventies",
                description="erkenningen van jeugdinterventies en waarschuwingen uit onderzoek",
                run=interventions_import.import_interventions,
                has_data=interventions_import.has_interventions,
            )
        )
