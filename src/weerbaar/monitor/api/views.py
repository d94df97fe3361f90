"""``/api/v1/indicators``: the catalogue and values with rank and percentile."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.core.api.pagination import Pages, page_parameters, paged
from weerbaar.core.api.schema import PROBLEM_RESPONSES
from weerbaar.monitor.api.serializers import (
    IndicatorSerializer,
    ValuesParameters,
    ValuesResponseSerializer,
)
from weerbaar.monitor.models import Indicator, Observation
from weerbaar.monitor.services import comparisons
from weerbaar.monitor.services.formatting import class_in_words
from weerbaar.monitor.services.tables import indicator_table


class IndicatorPagination(Pages):
    page_size = 100


def _years() -> dict[str, list[int]]:
    result: dict[str, list[int]] = {}
    for measure, year in (
        Observation.objects.values_list("measure", "year").distinct().order_by("measure", "year")
    ):
        result.setdefault(measure, []).append(year)
    return result


def _indicator(code: str) -> Indicator:
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise NotFound(f"Er is geen indicator met code {code}.")
    return indicator


class IndicatorListView(APIView):
    @extend_schema(
        operation_id="indicators_list",
        summary="Indicatorcatalogus",
        description="Alle indicatoren met definitie, bron, eenheid, richting, niveaus en jaren.",
        parameters=page_parameters(),
        responses={200: paged(IndicatorSerializer, "IndicatorPage"), **PROBLEM_RESPONSES},
        tags=["monitor"],
    )
    def get(self, request: Request) -> Response:
        paginator = IndicatorPagination()
        page = paginator.paginate_queryset(Indicator.objects.all(), request, view=self) or []
        return paginator.get_paginated_response(
            IndicatorSerializer(page, many=True, context={"years": _years()}).data
        )


class IndicatorDetailView(APIView):
    @extend_schema(
        operation_id="indicators_retrieve",
        summary="Eén indicator",
        responses={200: IndicatorSerializer, **PROBLEM_RESPONSES},
        tags=["monitor"],
    )
    def get(self, request: Request, code: str) -> Response:
        return Response(IndicatorSerializer(_indicator(code), context={"years": _years()}).data)


class IndicatorValuesView(APIView):
    @extend_schema(
        operation_id="indicators_values",
        summary="Waarden van een indicator",
        description=(
            "Per gebied: waarde, teller, noemer, status, rang en percentiel onder alle "
            "gebieden van "
            "het niveau in Nederland. higherIs zegt of een hogere waarde ongunstiger (worse) of "
            "gunstiger (better) is. Ontbrekende en geheime waarden zijn null, nooit 0."
        ),
        parameters=[ValuesParameters],
        responses={200: ValuesResponseSerializer, **PROBLEM_RESPONSES},
        tags=["monitor"],
    )
    def get(self, request: Request, code: str) -> Response:
        indicator = _indicator(code)
        params = ValuesParameters(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        level = params.validated_data["level"]
        if level not in indicator.levels:
            raise NotFound(f"Indicator {code} heeft geen waarden op niveau {level}.")
        table = indicator_table(
            indicator,
            level=level,
            year=params.validated_data.get("year"),
            parent=params.validated_data.get("parent"),
        )
        if params.validated_data.get("year") and table.year != params.validated_data["year"]:
            raise NotFound(
                f"Geen waarden voor {params.validated_data['year']}. "
                f"Jaren: {', '.join(map(str, table.years))}."
            )
        compared = next((row.ranking.compared_with for row in table.rows if row.ranking), 0)
        return Response(
            {
                "indicator": indicator.code,
                "level": level,
                "year": table.year,
                "unit": indicator.unit,
                "higherIs": comparisons.higher_means(indicator),
                "comparedWith": compared,
                "results": [
                    {
                        "code": row.code,
                        "name": row.name,
                        "year": row.value.year,
                        "value": row.value.value,
                        "numerator": row.value.numerator,
                        "denominator": row.value.denominator,
                        "status": row.value.status,
                        "note": row.value.note,
                        "classNumber": row.value.klass,
                        "classInWords": class_in_words(row.value.klass, indicator.class_words),
                        "rank": row.ranking.rank if row.ranking else None,
                        "percentile": round(row.ranking.percentile, 2) if row.ranking else None,
                        "shareHigher": round(row.ranking.share_higher, 2) if row.ranking else None,
                    }
                    for row in table.rows
                ],
            }
        )
