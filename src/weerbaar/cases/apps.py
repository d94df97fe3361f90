from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "weerbaar.cases"
    label = "cases"
    verbose_name = _("Objecten, triage en zaken")

    def ready(self) -> None:
        from weerbaar.cases import receivers  # noqa: F401 - connects the intake hook
