"""The yearly progress report of a region: the monitor's indicators with their trend
beside the Netherlands, programme participation, Weerbaar's own activity with small
numbers suppressed, and the method annex.

``build`` returns plain data (numbers, codes, words) in a fixed order, so the same data
always give the same report and the same hash; the page and the PDF only lay it out."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from weerbaar.areas.services import selectors as areas
from weerbaar.cases.services import selectors as cases
from weerbaar.core.counting import Counts
from weerbaar.core.hashing import content_digest
from weerbaar.monitor.services import selectors as catalogue
from weerbaar.monitor.services import tables, values
from weerbaar.prevention.services import selectors as prevention
from weerbaar.reports.services import methods, suppression
from weerbaar.reports.services.evaluation import cached
from weerbaar.reports.services.evaluation.staggered import CONTROL_WORDS
from weerbaar.screening.services import selectors as screening
from weerbaar.selection.services import selectors as programmes
from weerbaar.signals.services import selectors as signals

#: how far back the trend looks
TREND_YEARS = 5

ACTIVITY = (
    ("signals", "Signalen ontvangen", "Signalen"),
    ("cases", "Zaken geopend", "Zaken"),
    ("visits", "Adressen bezocht op controledagen", "Bezochte adressen"),
    ("measures", "Maatregelen na een controle (interventies)", "Maatregelen"),
    ("applications", "Bibob-aanvragen ontvangen", "Bibob"),
    ("bus_visits", "Bezoeken van de camperbus (gepubliceerde tourplannen)", "Camperbus"),
    ("covenants", "Convenanten veilige school van kracht", "Convenanten"),
)


class ReportError(ValueError):
    """One sentence for the reader: why this report cannot be made."""


@dataclass(frozen=True)
class Region:
    key: str
    name: str
    municipalities: list[str]


def regions() -> list[tuple[str, str]]:
    """(key, name) of every region a report can cover: the provinces and the regions
    made in Weerbaar."""
    found = [(p.code, f"Provincie {p.name}") for p in areas.provinces().order_by("name")]
    found += [(r.slug, r.name) for r in areas.regions().order_by("name")]
    return found


def resolve_region(key: str) -> Region:
    custom = areas.region_by_slug(key)
    if custom is not None:
        name, members = custom
        return Region(key, name, sorted(members))
    area = areas.find_area(key)
    if area is not None and area.level == "provincie":
        return Region(
            key, f"Provincie {area.name}", sorted(areas.descendant_codes(key, "gemeente"))
        )
    if area is not None and area.level == "gemeente":
        return Region(key, f"Gemeente {area.name}", [key])
    raise ReportError(f"Onbekende regio: {key}. Kies een provincie (PVxx), gemeente of regio.")


def _rounded(number: float | None) -> float | None:
    """Twelve significant digits: the same on every machine and database (None for no
    number or a non-finite one)."""
    if number is None or not math.isfinite(number):
        return None
    return float(f"{number:.12g}")


def _indicator_section(region: Region, year: int, names: dict[str, str]) -> list[dict[str, Any]]:
    found = []
    for indicator in catalogue.indicators("gemeente"):
        years = [y for y in values.years_available(indicator) if y <= year]
        if not years:
            continue
        newest = years[-1]
        window = [y for y in years if newest - TREND_YEARS <= y <= newest]
        computed = values.compute(indicator, codes=region.municipalities, years=window)
        by_year = values.by_year(computed)
        together = {
            y: values.aggregate(indicator, by_year.get(y, []), region.key, y) for y in window
        }
        # the oldest year of the window the region has a value for (a redivision breaks
        # a series: its earlier years are "niet vergelijkbaar", so the trend starts later)
        earlier = next((y for y in window[:-1] if together[y].value is not None), None)
        now, before = together[newest], together[earlier] if earlier else None
        nl_now = tables.national_value(indicator, newest, "gemeente")
        trend = _national_trend(indicator, earlier, newest) if earlier else (None, None, 0)
        found.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "theme": indicator.theme,
                "unit": indicator.unit,
                "direction": indicator.direction,
                "registration_note": indicator.registration_note,
                "citation": indicator.citation,
                "year": newest,
                "earlier_year": earlier,
                "region": _rounded(now.value),
                "region_status": now.status,
                "region_note": now.note,
                "region_earlier": _rounded(before.value) if before else None,
                "nl": _rounded(nl_now.value),
                # the national trend over the municipalities with a value in both years
                # (a later redivision leaves earlier years of some without one)
                "nl_earlier": _rounded(trend[0]),
                "nl_trend_now": _rounded(trend[1]),
                "nl_trend_areas": trend[2],
                "municipalities": [
                    [
                        v.area_code,
                        names.get(v.area_code, v.area_code),
                        _rounded(v.value),
                        v.status,
                        v.note,
                    ]
                    for v in sorted(by_year.get(newest, []), key=lambda v: v.area_code)
                ],
            }
        )
    return found


def _national_trend(
    indicator: Any, earlier: int, newest: int
) -> tuple[float | None, float | None, int]:
    before = tables.level_values(indicator, earlier, "gemeente")[0]
    now = tables.level_values(indicator, newest, "gemeente")[0]
    both = {v.area_code for v in before if v.value is not None} & {
        v.area_code for v in now if v.value is not None
    }
    if not both:
        return None, None, 0
    pick = lambda found: [v for v in found if v.area_code in both]  # noqa: E731
    then = values.aggregate(indicator, pick(before), "NL00", earlier)
    later = values.aggregate(indicator, pick(now), "NL00", newest)
    return then.value, later.value, len(both)


def _participation(region: Region) -> list[dict[str, Any]]:
    districts = {
        code for gm in region.municipalities for code in areas.descendant_codes(gm, "wijk")
    }
    inside = set(region.municipalities) | districts
    found = []
    for slug, name in programmes.programmes():
        members = [p for p in programmes.participants(slug) if p.area_code in inside]
        if not members:
            continue
        names = areas.names([p.area_code for p in members])
        found.append(
            {
                "slug": slug,
                "name": name,
                "areas": [
                    [
                        p.area_code,
                        names.get(p.area_code, p.area_code),
                        p.start_year,
                        p.cohort,
                        p.certainty,
                    ]
                    for p in members
                ],
            }
        )
    return found


#: the outcome the evaluation summary uses (the seeds' "leefbaarheid"): deviation from the
#: national Leefbaarometer score
EVALUATION_INDICATOR = "leefbaarometer-afw"


def _evaluation(programme: str) -> dict[str, Any]:
    """The evaluation of the programme (all its areas, not only this region's): the three
    views in numbers, or why they cannot be made. The page /rapportages/evaluatie/ shows
    them in full."""
    members = programmes.participants(programme)
    level = "gemeente" if any(p.area_code.startswith("GM") for p in members) else "wijk"
    summary: dict[str, Any] = {"indicator": EVALUATION_INDICATOR, "level": level, "error": ""}
    found = cached.evaluation(programme, EVALUATION_INDICATOR, level)
    if isinstance(found, str):
        summary["error"] = found
        return summary
    gaps = [p for p in found.anchor if p.difference is not None]
    summary.update(
        {
            "indicator_name": found.indicator.name,
            "unit": found.indicator.unit,
            "treated": len(found.treated),
            "first_start": found.first_start,
            "anchor_first": [gaps[0].year, _rounded(gaps[0].difference)] if gaps else None,
            "anchor_last": [gaps[-1].year, _rounded(gaps[-1].difference)] if gaps else None,
            "matched_difference": _rounded(found.matched_difference),
            "estimates": [],
        }
    )
    for control, result in found.staggered.items():
        row: dict[str, Any] = {"control": control, "words": CONTROL_WORDS[control]}
        if isinstance(result, str):
            row["error"] = result
        else:
            row.update(
                {
                    "error": "",
                    "att": _rounded(result.overall.att),
                    "lower": _rounded(result.overall.lower),
                    "upper": _rounded(result.overall.upper),
                    "pre_trend_p": _rounded(result.pre_trend.p_value) if result.pre_trend else None,
                }
            )
        summary["estimates"].append(row)
    return summary


def _activity_counts(codes: Sequence[str], years: Sequence[int]) -> dict[str, Counts]:
    counted: dict[str, Counts] = {
        "signals": signals.counts_per_municipality(codes, years),
        "applications": screening.counts_per_municipality(codes, years),
    }
    counted.update(cases.activity_counts(codes, years))
    counted.update(prevention.activity_counts(codes, years))
    return counted


def _activity(region: Region, year: int) -> dict[str, Any]:
    years = [year - 1, year]
    counted = _activity_counts(region.municipalities, years)
    least = suppression.minimum()
    rows = []
    for key, label, short in ACTIVITY:
        counts = counted[key]
        per_year = {}
        for y in years:
            row = suppression.suppress_row(
                {code: counts.get((code, y), 0) for code in region.municipalities}, least
            )
            per_year[str(y)] = {"cells": row.cells, "total": row.total}
        rows.append({"key": key, "label": label, "short": short, "years": per_year})
    return {"years": years, "minimum": least, "rows": rows}


_hash = content_digest


def data_hash() -> str:
    """Names the loaded data: every file's importer, table, digest and row count."""
    return _hash([[f.importer, f.table, f.sha256, f.rows] for f in catalogue.data_versions()])


def rule_hash(region: Region, participation: list[dict[str, Any]]) -> str:
    """Names the rules: each indicator's definition, the participant lists, the region's
    members, the suppression minimum and the method texts."""
    definitions = [
        [i.code, *map(str, catalogue.definition(i))] for i in catalogue.indicators("gemeente")
    ]
    return _hash(
        [
            definitions,
            participation,
            region.municipalities,
            suppression.minimum(),
            methods.methods_hash(),
        ]
    )


def build(region_key: str, year: int, programme: str = "") -> dict[str, Any]:
    region = resolve_region(region_key)
    if not region.municipalities:
        raise ReportError(f"{region.name} heeft geen gemeenten.")
    programme_name = programmes.programme_name(programme) if programme else ""
    if programme_name is None:
        raise ReportError(f"Onbekend programma: {programme}.")
    participation = _participation(region)
    if programme:
        participation = [p for p in participation if p["slug"] == programme]
    names = areas.names(region.municipalities)
    content: dict[str, Any] = {
        "region": {
            "key": region.key,
            "name": region.name,
            "municipalities": [[c, names.get(c, c)] for c in region.municipalities],
        },
        "year": year,
        "programme": programme,
        "programme_name": programme_name,
        "indicators": _indicator_section(region, year, names),
        "participation": participation,
        "evaluation": _evaluation(programme) if programme else None,
        "activity": _activity(region, year),
        "methods_version": methods.VERSION,
    }
    content["hashes"] = {
        "data": data_hash(),
        "rules": rule_hash(region, participation),
        "numbers": _hash(content),
    }
    return content
