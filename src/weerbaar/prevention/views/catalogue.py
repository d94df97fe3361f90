"""The interventions catalogue: public, searchable, exportable, and "what fits this area"."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from weerbaar.areas.models import Area, AreaLevel
from weerbaar.core.downloads import csv_download
from weerbaar.prevention.forms import municipality_choices
from weerbaar.prevention.models import Intervention, Level, Problem, Setting, TargetGroup
from weerbaar.prevention.services import catalogue

CSV_HEADER = [
    "naam",
    "doelgroep",
    "leeftijd",
    "setting",
    "doel",
    "aanbieder",
    "duur",
    "kosten",
    "erkenning",
    "erkend_door",
    "erkend_op",
    "waarschuwing",
    "bron",
]


def _int(value: str | None, low: int, high: int) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if low <= number <= high else None


def _filters(request: HttpRequest) -> catalogue.Filters:
    get = request.GET
    warning = get.get("waarschuwing", "")
    return catalogue.Filters(
        text=get.get("zoek", "")[:200].strip(),
        target_group=get.get("doelgroep", "") if get.get("doelgroep") in TargetGroup.values else "",
        setting=get.get("setting", "") if get.get("setting") in Setting.values else "",
        problem=get.get("probleem", "")[:60],
        age=_int(get.get("leeftijd"), 0, 99),
        minimum_level=get.get("erkenning", "") if get.get("erkenning") in Level.values else "",
        with_warning={"zonder": False, "met": True}.get(warning),
        order="erkenning" if get.get("sorteer") == "erkenning" else "naam",
    )


def _row(item: Intervention) -> list[object]:
    current = item.current_recognition()
    return [
        item.name,
        item.get_target_group_display(),
        item.ages,
        item.get_setting_display(),
        item.goal,
        item.provider,
        item.duration,
        item.cost,
        current.shown_level if current else "",
        current.committee if current else "",
        current.shown_date if current else "",
        item.warning,
        item.source,
    ]


def index(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    found = catalogue.search(filters)
    if request.GET.get("formaat") == "csv":
        return csv_download([_row(i) for i in found], CSV_HEADER, "interventies.csv")
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "prevention/catalogue/index.html",
        {
            "page": Paginator(found, 20).get_page(request.GET.get("pagina")),
            "count": len(found),
            "filters": filters,
            "target_groups": TargetGroup.choices,
            "settings_choices": Setting.choices,
            "levels": Level.choices,
            "problems": Problem.objects.order_by("name"),
            "query": query.urlencode(),
            "bad_age": bool(request.GET.get("leeftijd")) and filters.age is None,
            "evidence_warnings": catalogue.evidence_warnings(),
        },
    )


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(
        Intervention.objects.prefetch_related("problems", "recognitions", "evidence_warnings"),
        slug=slug,
        is_active=True,
    )
    return render(request, "prevention/catalogue/detail.html", {"item": item})


def fits(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("gebied", "")[:10]
    low = _int(request.GET.get("van"), 0, 99)
    high = _int(request.GET.get("tot"), 0, 99)
    threshold = _int(request.GET.get("percentiel"), 1, 99) or 75
    errors = []
    if request.GET.get("van") and low is None:
        errors.append(_("De leeftijd 'van' moet een getal tussen 0 en 99 zijn."))
    if request.GET.get("tot") and high is None:
        errors.append(_("De leeftijd 'tot' moet een getal tussen 0 en 99 zijn."))
    low = 10 if low is None else low
    high = 14 if high is None else high
    if low > high:
        errors.append(_("De leeftijd 'van' is hoger dan 'tot'."))
    area = (
        Area.objects.current().filter(level=AreaLevel.GEMEENTE, code=code).first() if code else None
    )
    if code and area is None:
        errors.append(_("Deze gemeente kennen we niet."))
    result = catalogue.fits(area.code, (low, high), threshold) if area and not errors else None
    return render(
        request,
        "prevention/catalogue/fits.html",
        {
            "area": area,
            "result": result,
            "low": low,
            "high": high,
            "threshold": threshold,
            "code": code,
            "errors": errors,
            "municipalities": municipality_choices()[1:],
        },
        status=400 if errors else 200,
    )
