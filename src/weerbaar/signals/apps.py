from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "weerbaar.signals"
    label = "signals"
    verbose_name = _("Signalen")

    def ready(self) -> None:
        from weerbaar.core import retention as registry
        from weerbaar.signals.services import ratelimit, retention

        registry.register("signalen", lambda dry_run: retention.purge(dry_run=dry_run).lines())
        registry.register("meldkanaal", ratelimit.sweep)
