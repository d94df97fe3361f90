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


#: levels an indicator page can show; districts and neighbourhoods per municipality
PAGE_LEVELS = ("gemeente", "wijk", "buurt")


def _page_level(request: HttpRequest, indicator: Indicator) -> tuple[str, str | None]:
    """The level and parent area asked for, limited to what the indicator has."""
    offered = [level for level in PAGE_LEVELS if level in indicator.levels]
    level = request.GET.get("niveau") or (offered[0] if offered else "gemeente")
    if level not in offered:
        level = offered[0] if offered else "gemeente"
    if level == "gemeente":
        province = request.GET.get("provincie") or None
        return level, province if province and re.fullmatch(r"PV\d{2}", province) else None
    municipality = (request.GET.get("gemeente") or "").strip().upper() or None
    if municipality and not re.fullmatch(r"GM\d{4}", municipality):
        municipality = None
    return level, municipality


def indicator_page(request: HttpRequest, code: str) -> HttpResponse:
    indicator = get_object_or_404(Indicator, code=code)
    year = request.GET.get("jaar")
    level, parent = _page_level(request, indicator)
    table = indicator_table(
        indicator,
        level=level,
        year=int(year) if year and year.isdigit() else None,
        parent=parent,
    )
    response = _export(
        request, export.indicator_rows(table), f"{indicator.code}-{table.year}", indicator.code
    )
    if response:
        return response
    sort = request.GET.get("sorteer", "waarde")
    descending = request.GET.get("volgorde", "af") == "af"
    rows = sort_rows(table.rows, sort if sort in SORT_KEYS else "waarde", descending)
    # classes over every area of the level in the country, so the words mean the same
    # on every map and in every profile
    classes, legend = charts.quantile_classes(table.everywhere)
    by_code = {r.code: r for r in table.rows}
    for row in table.rows:
        row.relative = charts.relative_word(classes.get(row.code, ""), indicator.unit)

    def label(area: Area) -> str:
        row = by_code.get(area.code)
        if row is None:
            return f"{area.name}: {_('geen waarde')}"
        shown = format_value(row.value.value, indicator.unit, row.value.status)
        word = charts.relative_word(classes.get(area.code, ""), indicator.unit)
        return f"{area.name}: {shown}" + (f" ({word})" if word else "")

    page = Paginator(rows, TABLE_PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    svg = None
    # a map of the whole country per municipality, or of one municipality's districts;
    # neighbourhoods have no boundaries here and get the table only
    if level == "gemeente" or (level == "wijk" and parent):
        map_areas = [a for a in areas.current_areas(level) if a.code in by_code]
        svg = build_map(
            map_areas,
            href=lambda area: reverse("monitor:profile", args=[area.code]),
            label=label,
            css_class=lambda area: classes.get(area.code, "missing"),
        )
    parent_name = areas.names([parent]).get(parent, "") if parent else ""
    filters = {
        "niveau": level,
        **({"provincie" if level == "gemeente" else "gemeente": parent} if parent else {}),
    }
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
                (css, format_value(lo, indicator.unit), format_value(hi, indicator.unit), words)
                for (css, lo, hi), words in zip(
                    legend, charts.relative_words(indicator.unit), strict=False
                )
            ],
            "provinces": areas.provinces().order_by("name"),
            "municipalities": areas.current_areas("gemeente").defer("geometry").order_by("name"),
            "level": level,
            "levels": [(lv, LEVEL_PLURAL[lv]) for lv in PAGE_LEVELS if lv in indicator.levels],
            "level_plural": LEVEL_PLURAL.get(level, level),
            "parent": parent,
            "parent_name": parent_name,
            "province": parent if level == "gemeente" else None,
            "province_name": parent_name if level == "gemeente" else "",
            "filters": urlencode({"jaar": table.year or "", **filters}),
            "higher": comparisons.higher_means(indicator),
            "relative": {
                code: charts.relative_word(css, indicator.unit) for code, css in classes.items()
            },
            "relative_method": charts.RELATIVE_METHOD,
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
            "relative_method": charts.RELATIVE_METHOD,
            "level_plural": LEVEL_PLURAL.get(area.level, area.level),
            "scope_plural": LEVEL_PLURAL.get(area.level, area.level)
            + (_(" in Nederland") if area.level in {"wijk", "buurt"} else ""),
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
