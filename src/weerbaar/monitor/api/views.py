"""``/api/v1/indicators``: the catalogue and values with rank and percentile."""

from __future__ import annotations

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
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
from weerbaar.monitor.services import answers, selectors


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
    indicator = selectors.served_indicator(code)
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
    def get(self, request: Request, code: str) -> HttpResponseBase:
        return Response(IndicatorSerializer(_indicator(code), context={"years": _years()}).data)


class IndicatorValuesView(APIView):
    @extend_schema(
        operation_id="indicators_values",
        summary="Waarden van een indicator",
        description=(
            "Per gebied: waarde, teller, noemer, status, rang en percentiel onder alle "
            "gebieden van "
            "het niveau in Nederland. higherIs zegt of een hogere waarde ongunstiger (worse) of "
            "gunstiger (better) is. Ontbrekende en geheime waarden zijn null, nooit 0. "
            "Het antwoord heeft een ETag; wie die meestuurt in If-None-Match, krijgt 304 "
            "zolang de gegevens niet veranderd zijn."
        ),
        parameters=[
            ValuesParameters,
            OpenApiParameter(
                "If-None-Match",
                str,
                OpenApiParameter.HEADER,
                required=False,
                description="De ETag van een eerder antwoord.",
            ),
        ],
        responses={
            200: ValuesResponseSerializer,
            304: OpenApiResponse(description="Niet gewijzigd: het eerdere antwoord geldt nog."),
            **PROBLEM_RESPONSES,
        },
        tags=["monitor"],
    )
    def get(self, request: Request, code: str) -> HttpResponseBase:
        indicator = _indicator(code)
        params = ValuesParameters(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        level = params.validated_data["level"]
        if level not in indicator.levels:
            raise NotFound(f"Indicator {code} heeft geen waarden op niveau {level}.")
        year, parent = params.validated_data.get("year"), params.validated_data.get("parent")
        key = answers.fingerprint(indicator, level, year, parent)
        etag = f'"{key}"'
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if etag in request.headers.get("If-None-Match", ""):
            return Response(status=304, headers=headers)
        try:
            body = answers.values_answer(indicator, level, year, parent, key)
        except answers.NoValues as exc:
            raise NotFound(str(exc)) from None
        # the kept bytes as they are: rendering 342 rows again was most of a warm request
        return HttpResponse(body, content_type="application/json", headers=headers)
