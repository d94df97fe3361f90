"""One paging convention for every list in the API: ``page`` and ``pageSize`` in, and
``count``, ``page``, ``pageSize``, ``next``, ``previous`` and ``results`` out. A page size
above the maximum is refused with a clear error instead of being cut quietly, and no list
is ever truncated without saying so."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response


def _whole_number(raw: str) -> bool:
    """Digits 0-9 only: str.isdigit also takes other scripts' digits, which no JSON
    integer is."""
    return raw.isascii() and raw.isdigit()


class Pages(PageNumberPagination):
    page_size = 50
    max_page_size = 500
    page_size_query_param = "pageSize"
    invalid_page_message = "Pagina {page_number} bestaat niet."

    def __init__(self, size: int | None = None, largest: int | None = None) -> None:
        self.page_size = size or self.page_size
        self.max_page_size = largest or self.max_page_size

    def get_page_number(self, request: Request, paginator: Any) -> int:
        """A page is a whole number from 1 (400 otherwise, as the schema says); a page
        past the last is a 404."""
        raw = request.query_params.get(self.page_query_param, "1")
        if not _whole_number(raw) or int(raw) < 1:
            raise ValidationError({"page": ["Geef een paginanummer: een geheel getal vanaf 1."]})
        return int(raw)

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not _whole_number(raw) or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {"pageSize": [f"Geef een geheel getal van 1 tot en met {self.max_page_size}."]}
            )
        return int(raw)

    def get_paginated_response(self, data: Any) -> Response:
        current: Any = self.page  # set by paginate_queryset
        return Response(
            {
                "count": current.paginator.count,
                "page": current.number,
                "pageSize": current.paginator.per_page,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )


def page(
    request: Request,
    rows: QuerySet[Any],
    serializer: type[serializers.BaseSerializer],
    *,
    size: int | None = None,
    largest: int | None = None,
    context: dict[str, Any] | None = None,
    shown: Callable[[list[Any]], object] | None = None,
) -> Response:
    """One page of ``rows`` in the paging convention; ``shown`` hears which rows the page
    holds (for the audit log of sensitive lists)."""
    pages = Pages(size, largest)
    found = pages.paginate_queryset(rows, request) or []
    if shown is not None:
        shown(found)
    return pages.get_paginated_response(serializer(found, many=True, context=context or {}).data)


def paged(serializer: type[serializers.BaseSerializer], name: str) -> type[serializers.Serializer]:
    """The schema of one page of ``serializer`` rows, for drf-spectacular."""
    return type(
        name,
        (serializers.Serializer,),
        {
            "count": serializers.IntegerField(min_value=0),
            "page": serializers.IntegerField(min_value=1),
            "pageSize": serializers.IntegerField(min_value=1, max_value=Pages.max_page_size),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer(many=True),
            "__module__": __name__,
        },
    )


def page_parameters(largest: int = Pages.max_page_size) -> list[OpenApiParameter]:
    """``page`` and ``pageSize`` as the schema describes them on every list."""
    return [
        OpenApiParameter(
            "page", {"type": "integer", "minimum": 1}, description="Paginanummer, vanaf 1."
        ),
        OpenApiParameter(
            "pageSize",
            {"type": "integer", "minimum": 1, "maximum": largest},
            description=f"Aantal per pagina (ten hoogste {largest}).",
        ),
    ]
