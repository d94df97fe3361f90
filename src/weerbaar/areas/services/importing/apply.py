"""Bring the database in line with a ``Plan``: create what is new, update what changed,
leave the rest. Nothing is deleted: an area that disappears from the sources keeps its
row (and its history) so that nothing recorded against it is lost."""

from __future__ import annotations

from typing import Any

from weerbaar.areas.models import Area, HouseholdCount, PopulationCount
from weerbaar.areas.services.importing.plan import LEVEL_ORDER, Plan, PlannedArea
from weerbaar.core.imports import ImportReport, ProgressFactory

BATCH = 1000
AREA_FIELDS = ["level", "name", "valid_from", "valid_to", "geometry", "geometry_source", "source"]


def apply_plan(plan: Plan, progress: ProgressFactory) -> ImportReport:
    report = ImportReport()
    area_ids = _apply_areas(plan, report, progress)
    _apply_population(plan, area_ids, report, progress)
    _apply_households(plan, area_ids, report)
    return report


def _desired(plan: Plan, planned: PlannedArea) -> dict[str, object]:
    valid_from, valid_to = plan.valid_range(planned)
    return {
        "level": planned.level,
        "name": planned.name,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "geometry": planned.geometry,
        "geometry_source": planned.geometry_source,
        "source": planned.source,
    }


def _changed(area: Area, parent_id: int | None, desired: dict[str, Any]) -> bool:
    """Bring ``area`` to the desired state in memory; True when anything changed."""
    changed = area.parent_id != parent_id
    for name, value in desired.items():
        if getattr(area, name) != value:
            setattr(area, name, value)
            changed = True
    area.parent_id = parent_id
    return changed


def _apply_areas(plan: Plan, report: ImportReport, progress: ProgressFactory) -> dict[str, int]:
    """Create or update areas level by level (parents first); returns code -> id."""
    ordered = plan.ordered()
    # One row per code is matched: the current one, or else the newest version.
    existing: dict[str, Area] = {}
    for area in Area.objects.order_by("valid_from"):
        if area.code in plan.areas:
            existing[area.code] = area
    ids = {code: area.pk for code, area in existing.items()}
    advance = progress("Gebieden bijwerken", len(ordered))
    counts = report.entity("Gebieden")
    for level in LEVEL_ORDER:
        to_create: list[Area] = []
        to_update: list[Area] = []
        level_items = [p for p in ordered if p.level == level]
        for planned in level_items:
            desired = _desired(plan, planned)
            parent_id = ids.get(planned.parent_code) if planned.parent_code else None
            found = existing.get(planned.code)
            if found is None:
                to_create.append(Area(code=planned.code, parent_id=parent_id, **desired))
            elif _changed(found, parent_id, desired):
                to_update.append(found)
            else:
                counts.unchanged += 1
        created = Area.objects.bulk_create(to_create, batch_size=BATCH)
        for area in created:
            ids[area.code] = area.pk
        if any(area.pk is None for area in created):
            ids.update(
                Area.objects.filter(
                    code__in=[a.code for a in created], valid_to__isnull=True
                ).values_list("code", "pk")
            )
        Area.objects.bulk_update(to_update, [*AREA_FIELDS, "parent"], batch_size=BATCH)
        counts.created += len(to_create)
        counts.updated += len(to_update)
        advance(len(level_items))
    return ids


def _apply_population(
    plan: Plan, ids: dict[str, int], report: ImportReport, progress: ProgressFactory
) -> None:
    counts = report.entity("Bevolkingsaantallen")
    years = {year for (_, year, _) in plan.population}
    existing = {
        (row.area_id, row.year, row.band): row
        for row in PopulationCount.objects.filter(year__in=years)
    }
    to_create: list[PopulationCount] = []
    to_update: list[PopulationCount] = []
    advance = progress("Bevolkingsaantallen bijwerken", len(plan.population))
    for (code, year, band), (count, source) in plan.population.items():
        area_id = ids[code]
        row = existing.get((area_id, year, band))
        if row is None:
            to_create.append(
                PopulationCount(area_id=area_id, year=year, band=band, count=count, source=source)
            )
        elif row.count != count or row.source != source:
            row.count, row.source = count, source
            to_update.append(row)
        else:
            counts.unchanged += 1
        advance(1)
    PopulationCount.objects.bulk_create(to_create, batch_size=BATCH)
    PopulationCount.objects.bulk_update(to_update, ["count", "source"], batch_size=BATCH)
    counts.created += len(to_create)
    counts.updated += len(to_update)


def _apply_households(plan: Plan, ids: dict[str, int], report: ImportReport) -> None:
    counts = report.entity("Huishoudens")
    existing = {
        (row.area_id, row.year): row
        for row in HouseholdCount.objects.filter(year__in={year for (_, year) in plan.households})
    }
    to_create: list[HouseholdCount] = []
    to_update: list[HouseholdCount] = []
    for (code, year), (count, source) in plan.households.items():
        row = existing.get((ids[code], year))
        if row is None:
            to_create.append(
                HouseholdCount(area_id=ids[code], year=year, count=count, source=source)
            )
        elif row.count != count or row.source != source:
            row.count, row.source = count, source
            to_update.append(row)
        else:
            counts.unchanged += 1
    HouseholdCount.objects.bulk_create(to_create, batch_size=BATCH)
    HouseholdCount.objects.bulk_update(to_update, ["count", "source"], batch_size=BATCH)
    counts.created += len(to_create)
    counts.updated += len(to_update)
