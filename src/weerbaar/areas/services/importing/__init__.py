"""Import of the areas spine from the published open-data files (``weerbaar import areas``)."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from weerbaar.core import imports
from weerbaar.core.imports import ImportReport, ProgressFactory, no_progress


def import_areas(folder: Path, progress: ProgressFactory = no_progress) -> ImportReport:
    """Read every areas file in ``folder`` and bring the database in line, in one transaction.

    Reading and checking all files happens before the first write, and the writes share one
    transaction, so a bad file leaves the database exactly as it was.
    """
    from weerbaar.areas.services.importing.apply import apply_plan
    from weerbaar.areas.services.importing.plan import build_plan

    plan = build_plan(folder, progress)
    from weerbaar.areas.services.regions import ensure_presets

    with transaction.atomic():
        report = apply_plan(plan, progress)
        created = ensure_presets()
    report.notes[:0] = plan.notes
    if created:
        report.notes.append(f"Regio's klaargezet: {', '.join(created)}.")
    return report


def has_areas() -> bool:
    from weerbaar.areas.models import Area

    return Area.objects.exists()


def register_importer() -> None:
    from weerbaar.areas.services.importing import addresses

    imports.register(
        imports.Importer(
            name="postcodes",
            description="een punt per postcode van 4 cijfers voor heel Nederland (GeoNames)",
            run=addresses.import_postcodes,
            has_data=addresses.has_postcodes,
        )
    )
    imports.register(
        imports.Importer(
            name="bag",
            description="adressen uit een BAG-uittreksel (CSV) voor adres en plaats op de kaart",
            run=addresses.import_bag,
            has_data=addresses.has_bag,
        )
    )
    imports.register(
        imports.Importer(
            name="areas",
            description="provincies, gemeenten, wijken en buurten met inwoners en grenzen",
            run=import_areas,
            has_data=has_areas,
        )
    )
