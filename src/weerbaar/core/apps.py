from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "weerbaar.core"
    label = "core"
    verbose_name = "Weerbaar"

    def ready(self) -> None:
        from prometheus_client import disable_created_metrics

        from weerbaar.core.logging import configure_structlog

        configure_structlog()
        # a series' "_created" is the moment of its first request: for the anonymous report
        # view that is the exact time of a report, which Weerbaar keeps nowhere
        disable_created_metrics()
