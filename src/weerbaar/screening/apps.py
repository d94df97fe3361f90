from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "weerbaar.screening"
    label = "screening"
    verbose_name = _("Screening (Bibob)")

    def ready(self) -> None:
        from weerbaar.core import retention
        from weerbaar.screening.services import retention as screening_retention

        retention.register("bibob", screening_retention.purge_all)
