"""Reading the areas spine: lookups other apps and the pages use (no writes here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet

from weerbaar.areas.models import Area, AreaLevel, HouseholdCount, PopulationCount, Region
from weerbaar.areas.models.population import TOTAL_BAND


def find_area(code: str) -> Area | None:
    """The current area with this code, or else its newest earlier version."""
    versions = list(
        Area.objects.filter(code=code.upper()).select_related(
            "parent", "parent__parent", "parent__parent__parent"
        )
    )
    if not versions:
        return None
    current = [area for area in versions if area.valid_to is None]
    return current[0] if current else max(versions, key=lambda area: area.valid_from)


def ancestors(area: Area) -> list[Area]:
    """From the top (province) down to the parent of ``area``."""
    chain: list[Area] = []
    parent = area.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return list(reversed(chain))


def children(area: Area) -> QuerySet[Area]:
    queryset = area.children.all()
    return queryset.filter(valid_to__isnull=True) if area.valid_to is None else queryset


def provinces() -> QuerySet[Area]:
    return Area.objects.current().filter(level=AreaLevel.PROVINCIE)


def latest_population_year(area_ids: Iterable[int]) -> int | None:
    result = PopulationCount.objects.filter(area_id__in=list(area_ids), band=TOTAL_BAND).aggregate(
        year=Max("year")
    )
    return result["year"]


def population_counts(area_ids: Iterable[int], year: int) -> dict[int, dict[str, int]]:
    """area id -> band -> count, for one year."""
    result: dict[int, dict[str, int]] = defaultdict(dict)
    rows = PopulationCount.objects.filter(area_id__in=list(area_ids), year=year).values_list(
        "area_id", "band", "count"
    )
    for area_id, band, count in rows:
        result[area_id][band] = count
    return result


def population_sources(area_ids: Iterable[int], year: int) -> list[str]:
    return sorted(
        set(
            PopulationCount.objects.filter(area_id__in=list(area_ids), year=year).values_list(
                "source", flat=True
            )
        )
    )


def household_counts(area_ids: Iterable[int], year: int) -> dict[int, int]:
    return dict(
        HouseholdCount.objects.filter(area_id__in=list(area_ids), year=year).values_list(
            "area_id", "count"
        )
    )


@dataclass(frozen=True)
class LatestPopulation:
    year: int
    count: int
    source: str


def latest_totals(area_ids: Iterable[int]) -> dict[int, LatestPopulation]:
    """Per area its most recent total population, with the year and source."""
    ids = list(area_ids)
    rows = (
        PopulationCount.objects.filter(area_id__in=ids, band=TOTAL_BAND)
        .order_by("area_id", "year")
        .values_list("area_id", "year", "count", "source")
    )
    return {area_id: LatestPopulation(year, count, source) for area_id, year, count, source in rows}


@dataclass(frozen=True)
class LoadedSummary:
    counts: dict[str, int]
    population_year: int | None

    @property
    def empty(self) -> bool:
        return not any(self.counts.values())


def loaded_summary() -> LoadedSummary:
    counts = dict.fromkeys(AreaLevel.values, 0)
    for level, count in _level_counts():
        counts[level] = count
    year = PopulationCount.objects.filter(band=TOTAL_BAND).aggregate(year=Max("year"))["year"]
    return LoadedSummary(counts, year)


def _level_counts() -> list[tuple[str, int]]:
    return list(
        Area.objects.current().values("level").annotate(n=Count("id")).values_list("level", "n")
    )


def names(codes: Iterable[str]) -> dict[str, str]:
    """Code -> name, the newest version of each code (dissolved municipalities included)."""
    result: dict[str, str] = {}
    for code, name in (
        Area.objects.filter(code__in=list(codes)).order_by("valid_from").values_list("code", "name")
    ):
        result[code] = name
    return result


def descendant_codes(code: str, level: str) -> list[str]:
    """Codes of the current areas of ``level`` below the area ``code``."""
    area = find_area(code)
    if area is None:
        return []
    frontier = [area.pk]
    found: list[str] = []
    while frontier:
        children = list(
            Area.objects.current().filter(parent_id__in=frontier).values_list("pk", "code", "level")
        )
        found.extend(child_code for _, child_code, child_level in children if child_level == level)
        frontier = [pk for pk, _, child_level in children if child_level != level]
    return found


def sibling_codes(code: str) -> list[str]:
    """The current areas under the same parent as ``code`` (its province's municipalities)."""
    area = find_area(code)
    if area is None or area.parent_id is None:
        return []
    return list(
        Area.objects.current().filter(parent_id=area.parent_id).values_list("code", flat=True)
    )


def current_areas(level: str, codes: Iterable[str] | None = None) -> QuerySet[Area]:
    queryset = Area.objects.current().filter(level=level)
    return queryset if codes is None else queryset.filter(code__in=list(codes))


def regions_of(code: str) -> list[tuple[str, list[str]]]:
    """The custom regions a municipality belongs to, each with its member codes."""
    regions = Region.objects.filter(members__code=code).prefetch_related("members").distinct()
    return [(region.name, [member.code for member in region.members.all()]) for region in regions]


def region_by_slug(slug: str) -> tuple[str, list[str]] | None:
    region = Region.objects.filter(slug=slug).prefetch_related("members").first()
    if region is None:
        return None
    return region.name, [member.code for member in region.members.all()]


def regions() -> QuerySet[Region]:
    return Region.objects.all()
