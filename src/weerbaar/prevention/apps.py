from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreventionConfig(AppConfig):
    name = "weerbaar.prevention"
    label = "prevention"
    verbose_name = _("Preventie")

    def ready(self) -> None:
        from weerbaar.core import retention
        from weerbaar.prevention.services import bookings

        retention.register("camperbus", bookings.purge)
