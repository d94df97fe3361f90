"""``/api/v1/areas``: the areas spine for other systems (NL API Design Rules)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.areas.api.serializers import (
    AreaDetailParameters,
    AreaListParameters,
    AreaSerializer,
)
from weerbaar.areas.models import Area
from weerbaar.areas.services import selectors
from weerbaar.core.api.pagination import Pages, page_parameters
from weerbaar.core.api.schema import PROBLEM_RESPONSES


class AreaPagination(Pages):
    page_size = 100
    max_page_size = 1000


def _context(areas: list[Area], geometry: bool) -> dict[str, Any]:
    return {"geometry": geometry, "population": selectors.latest_totals(a.pk for a in areas)}


class AreaListView(APIView):
    pagination_class = AreaPagination

    @extend_schema(
        operation_id="areas_list",
        summary="Gebieden zoeken",
        description=(
            "Provincies, gemeenten, wijken en buurten van de nieuwste geladen indeling, met het "
            "meest recente inwonertal. Filter op niveau en bovenliggend gebied."
        ),
        parameters=[
            AreaListParameters,
            *page_parameters(AreaPagination.max_page_size),
        ],
        responses={200: AreaSerializer(many=True), **PROBLEM_RESPONSES},
        tags=["gebieden"],
    )
    def get(self, request: Request) -> Response:
        params = AreaListParameters(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        queryset = Area.objects.current().select_related("parent").order_by("code")
        if level := params.validated_data.get("level"):
            queryset = queryset.filter(level=level)
        if parent := params.validated_data.get("parent"):
            queryset = queryset.filter(parent__code=parent)
        geometry = params.validated_data["geometry"]
        if not geometry:
            queryset = queryset.defer("geometry", "parent__geometry")
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(queryset, request, view=self) or []
        serializer = AreaSerializer(page, many=True, context=_context(page, geometry))
        return paginator.get_paginated_response(serializer.data)


class AreaDetailView(APIView):
    @extend_schema(
        operation_id="areas_retrieve",
        summary="Eén gebied",
        description=(
            "Een gebied met zijn code (bijvoorbeeld GM0014), het bovenliggende gebied en "
            "inwonertal."
        ),
        parameters=[AreaDetailParameters],
        responses={
            200: AreaSerializer,
            **PROBLEM_RESPONSES,
        },
        tags=["gebieden"],
    )
    def get(self, request: Request, code: str) -> Response:
        params = AreaDetailParameters(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        area = selectors.find_area(code)
        if area is None:
            raise NotFound(f"Er is geen gebied met code {code}.")
        serializer = AreaSerializer(
            area, context=_context([area], params.validated_data["geometry"])
        )
        return Response(serializer.data)
