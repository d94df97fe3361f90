"""``/api/v1/selections``: run a rule (permission required) and fetch stored runs."""

from __future__ import annotations

import json
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.accounts.services.access import may
from weerbaar.core.api.parsers import BoundedJSONParser
from weerbaar.core.api.schema import PROBLEM_RESPONSES
from weerbaar.selection.models import SelectionRun
from weerbaar.selection.services import rules, runs

RUN = "selection.add_selectionrun"
VIEW = "selection.view_selectionrun"
EXAMPLE = {
    "name": "Preventie met Gezag, hoofdspoor",
    "level": "gemeente",
    "year": 2023,
    "years": 3,
    "filters": [{"type": "min_inhabitants", "value": 80000}],
    "indicators": [
        {"code": "misdrijven-3-1-1-per-10000", "weight": 2},
        {"code": "leefbaarometer-lbm", "weight": 1},
    ],
    "normalisation": "zscore",
    "missing": "exclude",
    "select": {"top": 27},
}


def run_payload(run: SelectionRun) -> dict[str, Any]:
    return {
        "id": run.pk,
        "rule": run.rule_version.rule.name,
        "ruleVersion": run.rule_version.number,
        "createdAt": run.created_at.isoformat(),
        "inputHash": run.input_hash,
        "outputHash": run.output_hash,
        "dataVersions": run.data_versions,
        "result": json.loads(run.result),
    }


class SelectionCreateView(APIView):
    parser_classes = [BoundedJSONParser]

    @extend_schema(
        operation_id="selections_create",
        summary="Selectieregel uitvoeren",
        description=(
            "Voert een selectieregel uit, slaat regelversie en uitkomst onveranderlijk op en geeft "
            "de run terug. Vereist het recht selection.add_selectionrun."
        ),
        request={"application/json": OpenApiTypes.OBJECT},
        examples=[OpenApiExample("Preventie met Gezag", value=EXAMPLE, request_only=True)],
        responses={
            201: OpenApiResponse(OpenApiTypes.OBJECT, description="De opgeslagen run."),
            403: OpenApiResponse(description="Geen recht om selecties uit te voeren."),
            **PROBLEM_RESPONSES,
        },
        tags=["selectie"],
    )
    def post(self, request: Request) -> Response:
        if not may(request.user, RUN):
            raise PermissionDenied("U heeft geen recht om selecties uit te voeren.")
        if not isinstance(request.data, dict):
            raise ValidationError({"regel": ["Verwacht een JSON-object."]})
        try:
            version = runs.save_rule(dict(request.data), user=request.user)
        except rules.RuleError as exc:
            raise ValidationError(
                {name: [reason] for name, reason in exc.problems.items()}
            ) from exc
        run = runs.execute(version, user=request.user)
        return Response(run_payload(run), status=status.HTTP_201_CREATED)


class SelectionDetailView(APIView):
    @extend_schema(
        operation_id="selections_retrieve",
        summary="Opgeslagen selectierun",
        description="Een run met regel, gebruikte gegevensversies, hashes en de volledige uitkomst.",
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT),
            403: OpenApiResponse(description="Geen recht."),
            **PROBLEM_RESPONSES,
        },
        tags=["selectie"],
    )
    def get(self, request: Request, pk: int) -> Response:
        if not may(request.user, VIEW):
            raise PermissionDenied("U heeft geen recht om selecties te bekijken.")
        run = SelectionRun.objects.select_related("rule_version__rule").filter(pk=pk).first()
        if run is None:
            raise NotFound(f"Er is geen selectierun {pk}.")
        return Response(run_payload(run))
