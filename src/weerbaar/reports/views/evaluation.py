"""Public programme-evaluation page: open data and public programme lists only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from weerbaar.core import downloads
from weerbaar.monitor.services import selectors as catalogue
from weerbaar.reports.services import event_chart
from weerbaar.reports.services.evaluation import cached
from weerbaar.reports.services.evaluation.programme import LEVEL_PREFIX, Evaluation
from weerbaar.reports.services.evaluation.rings import RingResult, displacement_for
from weerbaar.reports.services.evaluation.staggered import CONTROL_WORDS
from weerbaar.selection.services import selectors as programmes

DEFAULT = ("preventie-met-gezag", "leefbaarometer-afw")
CSV_HEADER = [
    "onderdeel",
    "controlegroep",
    "jaar_of_jaren_sinds_start",
    "programma",
    "vergelijking",
    "effect",
    "ondergrens",
    "bovengrens",
]


def _rows(evaluation: Evaluation) -> list[list[object]]:
    rows: list[list[object]] = [
        [part, "", point.year, point.programme, point.other, None, None, None]
        for part, points in (
            ("programma tegen Nederland", evaluation.anchor),
            ("gematchte vergelijking", evaluation.matched),
        )
        for point in points
    ]
    for control, result in evaluation.staggered.items():
        if isinstance(result, str):
            continue
        for event in result.event:
            e = event.estimate
            rows.append(
                [
                    "verschil-in-verschillen",
                    control,
                    event.relative,
                    None,
                    None,
                    e.att,
                    e.lower,
                    e.upper,
                ]
            )
    return rows


def evaluation_page(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("programma") or DEFAULT[0]
    code = request.GET.get("indicator") or DEFAULT[1]
    asked = request.GET.get("niveau") or "gemeente"
    level = asked if asked in LEVEL_PREFIX else "gemeente"
    uncertain = request.GET.get("onzeker", "meenemen") != "weglaten"
    indicators = catalogue.indicators(level)
    chosen = next((i for i in indicators if i.code == code), None)
    result: Evaluation | str
    if chosen is None:
        result = "Kies een indicator met waarden op dit niveau."
    else:
        result = cached.evaluation(slug, chosen.code, level, uncertain)
    if isinstance(result, Evaluation) and request.GET.get("formaat") in {"csv", "xlsx"}:
        return downloads.download(
            _rows(result),
            CSV_HEADER,
            f"evaluatie-{slug}-{code}",
            request.GET["formaat"],
            "evaluatie",
        )
    rings: list[RingResult] = []
    if isinstance(result, Evaluation) and chosen is not None and chosen.denominator:
        rings = displacement_for(slug, chosen, level)
    estimates = []
    if isinstance(result, Evaluation):
        for control, found in result.staggered.items():
            chart = None if isinstance(found, str) else event_chart.event_chart(found.event)
            estimates.append((control, CONTROL_WORDS[control], found, chart))
    return render(
        request,
        "reports/evaluation.html",
        {
            "programmes": programmes.programmes(),
            "slug": slug,
            "indicators": indicators,
            "indicator": chosen,
            "level": level,
            "uncertain": uncertain,
            "evaluation": result if isinstance(result, Evaluation) else None,
            "error": result if isinstance(result, str) else "",
            "estimates": estimates,
            "rings": rings,
            "query": request.GET.urlencode(),
        },
    )
