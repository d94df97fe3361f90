"""Public area pages: the provinces, one area with its sub-areas, custom regions."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from weerbaar.areas.models import Area, AreaLevel, Region
from weerbaar.areas.services import selectors
from weerbaar.areas.services.svg_map import SvgMap, build_map
from weerbaar.areas.services.tables import AreaTable, area_table, headers, table_csv
from weerbaar.core.data_dir import data_dir_or_none
from weerbaar.core.templatetags.weerbaar import aantal


def _table_from_request(request: HttpRequest, areas: list[Area], level: str) -> AreaTable:
    return area_table(
        areas,
        level,
        sort=request.GET.get("sorteer", "naam"),
        descending=request.GET.get("volgorde") == "af",
    )


def _map(areas: list[Area], table: AreaTable, highlight: str | None = None) -> SvgMap | None:
    totals = {row.area.pk: row.values.get("totaal") for row in table.rows}

    def label(area: Area) -> str:
        count = totals.get(area.pk)
        if count is None:
            return area.name
        return _("%(name)s: %(count)s inwoners") % {"name": area.name, "count": aantal(count)}

    return build_map(
        areas,
        href=lambda area: reverse("areas:detail", args=[area.code]),
        label=label,
        highlight=highlight,
    )


def _csv_response(table: AreaTable, filename: str) -> HttpResponse:
    response = HttpResponse(table_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def index(request: HttpRequest) -> HttpResponse:
    provinces = list(selectors.provinces())
    table = _table_from_request(request, provinces, AreaLevel.PROVINCIE)
    if request.GET.get("formaat") == "csv":
        return _csv_response(table, "provincies")
    return render(
        request,
        "areas/index.html",
        {
            "table": table,
            "table_headers": headers(table),
            "map": _map(provinces, table),
            "regions": Region.objects.all(),
        },
    )


def detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.upper():
        return redirect("areas:detail", code=code.upper(), permanent=True)
    area = selectors.find_area(code)
    if area is None:
        raise Http404(_("Er is geen gebied met code %(code)s.") % {"code": code})
    sub_areas = list(selectors.children(area))
    table = _table_from_request(request, sub_areas, area.child_level) if area.child_level else None
    if request.GET.get("formaat") == "csv" and table is not None:
        return _csv_response(table, f"{area.code}-{area.child_level}en")
    own = area_table([area], area.level)
    map_areas = sub_areas if any(a.geometry for a in sub_areas) else [area]
    return render(
        request,
        "areas/detail.html",
        {
            "area": area,
            "ancestors": selectors.ancestors(area),
            "own": own.rows[0] if own.rows else None,
            "own_table": own,
            "table": table,
            "table_headers": headers(table) if table else [],
            "map": _map(
                map_areas, table or own, highlight=area.code if map_areas == [area] else None
            ),
            "map_is_outline": map_areas == [area],
            "regions": area.regions.all() if area.level == AreaLevel.GEMEENTE else [],
        },
    )


def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    members = list(region.members.all())
    table = _table_from_request(request, members, AreaLevel.GEMEENTE)
    if request.GET.get("formaat") == "csv":
        return _csv_response(table, f"regio-{region.slug}")
    return render(
        request,
        "areas/region.html",
        {
            "region": region,
            "table": table,
            "table_headers": headers(table),
            "map": _map(members, table),
        },
    )


def home(request: HttpRequest) -> HttpResponse:
    """What Weerbaar is and what is loaded (the areas are the spine of every figure)."""
    return render(
        request,
        "core/home.html",
        {"summary": selectors.loaded_summary(), "data_dir": data_dir_or_none()},
    )
