from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "weerbaar.core"
    label = "core"
    verbose_name = "Weerbaar"

    def ready(self) -> None:
        from weerbaar.core.logging import configure_structlog

        configure_structlog()
