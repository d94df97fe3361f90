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
    from weerbaar.monitor.importers.statline import import_statline
    from weerbaar.monitor.models import DataVersion

    imports.register(
        imports.Importer(
            name="statline",
            description="een CBS StatLine-tabel uit een map of zip (OData of download)",
            run=import_statline,
            has_data=lambda: DataVersion.objects.filter(importer="statline").exists(),
        )
    )
