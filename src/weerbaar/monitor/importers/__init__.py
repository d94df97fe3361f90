"""Open-data importers of the monitor: one module per source, one registry."""

from __future__ import annotations

from weerbaar.core import imports


def register_importer() -> None:
    from weerbaar.monitor.importers.run import import_monitor
    from weerbaar.monitor.models import Observation

    imports.register(
        imports.Importer(
            name="monitor",
            description="indicatoren: politiecijfers, bevolking, Leefbaarometer",
            run=import_monitor,
            has_data=lambda: Observation.objects.exists(),
        )
    )
