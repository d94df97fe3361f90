"""``/api/v1/screening/applications``: the Bibob register for the screening team's own
systems. The same access rule as the pages: only the named team sees an application, and
every read of one is audited."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.accounts.api.authentication import PartnerTokenAuthentication
from weerbaar.accounts.services.access import may
from weerbaar.accounts.services.audit import record_list
from weerbaar.core.api.pagination import page, page_parameters
from weerbaar.core.api.schema import PROBLEM_RESPONSES
from weerbaar.screening.api.serializers import (
    ApplicationDetailSerializer,
    ApplicationPage,
    ApplicationSerializer,
)
from weerbaar.screening.models import State
from weerbaar.screening.services import access

AUTH = [PartnerTokenAuthentication, SessionAuthentication]
MAX_PAGE_SIZE = 100


class ApplicationListView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="screening_applications_list",
        summary="Bibob-register",
        description="Aanvragen waarvan u in het screeningsteam staat, nieuwste eerst. Zonder persoonsgegevens.",
        parameters=[
            OpenApiParameter(
                "state", str, enum=State.values, description="Alleen aanvragen in deze fase."
            ),
            *page_parameters(MAX_PAGE_SIZE),
        ],
        responses={200: ApplicationPage, **PROBLEM_RESPONSES},
        tags=["screening"],
    )
    def get(self, request: Request) -> Response:
        if not may(request.user, access.VIEW):
            raise PermissionDenied("Geen recht om Bibob-aanvragen te bekijken.")
        found = access.visible(request.user).select_related("kind", "municipality", "premises")
        state = request.query_params.get("state")
        if state:
            if state not in State.values:
                raise ValidationError(
                    {"state": [f"Onbekende fase; kies uit {', '.join(State.values)}."]}
                )
            found = found.filter(state=state)
        return page(
            request,
            found.order_by("-received_on", "-pk"),
            ApplicationSerializer,
            size=25,
            largest=MAX_PAGE_SIZE,
            shown=lambda rows: record_list(
                request.user, "screening.application", [a.pk for a in rows]
            ),
        )


class ApplicationDetailView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="screening_applications_retrieve",
        summary="Eén Bibob-aanvraag",
        description="Met de personen in de structuur en de uitkomsten van de automatische controles. Elke opvraging komt in het auditlog.",
        responses={200: ApplicationDetailSerializer, **PROBLEM_RESPONSES},
        tags=["screening"],
    )
    def get(self, request: Request, pk: int) -> Response:
        if not may(request.user, access.VIEW):
            raise PermissionDenied("Geen recht om Bibob-aanvragen te bekijken.")
        application = access.get(request.user, pk)
        if application is None:
            raise NotFound(
                "Deze aanvraag bestaat niet of u hoort niet bij het screeningsteam ervan."
            )
        return Response(ApplicationDetailSerializer(application, context={"request": request}).data)
