"""Public monitor pages: catalogue, one indicator (map + table), area profile, comparison."""

from __future__ import annotations

import re
from functools import partial
from itertools import groupby
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.areas.models import Area
from weerbaar.areas.services import selectors as areas
from weerbaar.areas.services.svg_map import build_map
from weerbaar.core import downloads
from weerbaar.monitor.models import Indicator
from weerbaar.monitor.services import charts, comparisons, export
from weerbaar.monitor.services import compare as compare_service
from weerbaar.monitor.services.formatting import format_value
from weerbaar.monitor.services.tables import (
    area_profile,
    indicator_table,
    profile_overview,
    sort_rows,
)

SORT_KEYS = {"code", "naam", "waarde"}


def _export(request: HttpRequest, rows: list, filename: str, title: str) -> HttpResponse | None:
    kind = request.GET.get("formaat")
    if kind not in {"csv", "xlsx"}:
        return None
    return downloads.download(rows, export.HEADER, filename, kind, title)


def _format(value: float, unit: str) -> str:
    return format_value(value, unit)


def catalogue(request: HttpRequest) -> HttpResponse:
    indicators = list(Indicator.objects.order_by("theme", "position"))
    themes = [(theme, list(items)) for theme, items in groupby(indicators, key=lambda i: i.theme)]
    return render(request, "monitor/catalogue.html", {"themes": themes})


LEVEL_PLURAL = {
    "provincie": gettext_lazy("provincies"),
    "gemeente": gettext_lazy("gemeenten"),
    "wijk": gettext_lazy("wijken"),
    "buurt": gettext_lazy("buurten"),
}

#: rows per page of an indicator's table; the full list is in the CSV and Excel downloads
TABLE_PAGE_SIZE = 50


def indicator_page(request: HttpRequest, code: str) -> HttpResponse:
    indicator = get_object_or_404(Indicator, code=code)
    year = request.GET.get("jaar")
    province = request.GET.get("provincie") or None
    if province and not re.fullmatch(r"PV\d{2}", province):
        province = None
    table = indicator_table(
        indicator,
        level="gemeente",
        year=int(year) if year and year.isdigit() else None,
        parent=province,
    )
    response = _export(
        request, export.indicator_rows(table), f"{indicator.code}-{table.year}", indicator.code
    )
    if response:
        return response
    sort = request.GET.get("sorteer", "waarde")
    descending = request.GET.get("volgorde", "af") == "af"
    rows = sort_rows(table.rows, sort if sort in SORT_KEYS else "waarde", descending)
    classes, legend = charts.quantile_classes([r.value for r in table.rows])
    by_code = {r.code: r for r in table.rows}

    def label(area: Area) -> str:
        row = by_code.get(area.code)
        shown = (
            format_value(row.value.value, indicator.unit, row.value.status)
            if row
            else _("geen waarde")
        )
        return f"{area.name}: {shown}"

    page = Paginator(rows, TABLE_PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    shown_codes = set(by_code)
    map_areas = [a for a in areas.current_areas("gemeente") if a.code in shown_codes]
    svg = build_map(
        map_areas,
        href=lambda area: reverse("monitor:profile", args=[area.code]),
        label=label,
        css_class=lambda area: classes.get(area.code, "missing"),
    )
    return render(
        request,
        "monitor/indicator.html",
        {
            "indicator": indicator,
            "table": table,
            "rows": page.object_list,
            "page": page,
            "query": query.urlencode(),
            "row_count": len(rows),
            "sort": sort,
            "descending": descending,
            "map": svg,
            "legend": [
                (css, format_value(lo, indicator.unit), format_value(hi, indicator.unit))
                for css, lo, hi in legend
            ],
            "provinces": areas.provinces().order_by("name"),
            "province": province,
            "province_name": areas.names([province]).get(province, "") if province else "",
            "higher": comparisons.higher_means(indicator),
        },
    )


def profile(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.upper():
        return redirect("monitor:profile", code=code.upper(), permanent=True)
    area = areas.find_area(code)
    if area is None:
        raise Http404(_("Er is geen gebied met code %(code)s.") % {"code": code})
    lines, peer_codes = area_profile(area.code, area.level)
    response = _export(
        request, export.profile_rows(area.code, area.name, lines), f"profiel-{area.code}", area.code
    )
    if response:
        return response
    charts_by_code = {
        line.indicator.code: charts.trend_chart(
            line.series, partial(_format, unit=line.indicator.unit)
        )
        for line in lines
    }
    return render(
        request,
        "monitor/profile.html",
        {
            "area": area,
            "ancestors": areas.ancestors(area),
            "lines": [(line, charts_by_code.get(line.indicator.code)) for line in lines],
            "overview": profile_overview(lines),
            "level_plural": LEVEL_PLURAL.get(area.level, area.level),
            "peers": sorted(areas.names(peer_codes).items(), key=lambda item: item[1]),
            "province": area.parent if area.level == "gemeente" else None,
        },
    )


def _compare_url(keys: list[str]) -> str:
    return reverse("monitor:compare") + (
        "?" + urlencode([("gebied", k) for k in keys]) if keys else ""
    )


def compare(request: HttpRequest) -> HttpResponse:
    """The picker works without JavaScript: a search form (with the names as a datalist the
    browser completes while typing) adds an area, each chosen area has its own remove link."""
    chosen_keys = [k for k in request.GET.getlist("gebied") if k.strip()]
    text = request.GET.get("zoek", "").strip()[:100]
    found: list[compare_service.Choice] = []
    if text:
        found = compare_service.search(text)
        exact = [c for c in found if text.lower() in (c.label.lower(), c.key.lower())]
        if len(exact) == 1 or len(found) == 1:
            pick = exact[0] if len(exact) == 1 else found[0]
            if pick.key not in chosen_keys:
                chosen_keys.append(pick.key)
            return redirect(_compare_url(chosen_keys))
    comparison = compare_service.compare(chosen_keys)
    response = _export(request, export.compare_rows(comparison), "vergelijking", "vergelijking")
    if response:
        return response
    keys = [column.key for column in comparison.columns]
    return render(
        request,
        "monitor/compare.html",
        {
            "comparison": comparison,
            "chosen": [
                (column, _compare_url([k for k in keys if k != column.key]))
                for column in comparison.columns
            ],
            "chosen_keys": keys,
            "found": [(c, _compare_url([*keys, c.key])) for c in found if c.key not in keys],
            "text": text,
            "several": comparison.together_possible,
            "query": urlencode([("gebied", k) for k in keys]),
            "choices": compare_service.choices(),
            "max": compare_service.MAX_COLUMNS,
        },
    )
