"""``/api/v1/objects`` and ``/api/v1/links`` for partner systems (token) and the back office
(session); everything scoped by the permission service."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.accounts.api.authentication import PartnerTokenAuthentication
from weerbaar.accounts.services.access import may
from weerbaar.accounts.services.audit import record_view
from weerbaar.cases.api.serializers import (
    CaseSerializer,
    DecisionRequest,
    InspectionSerializer,
    LinkSerializer,
    SubjectSerializer,
)
from weerbaar.cases.models import (
    CaseState,
    SignalLink,
)
from weerbaar.cases.permissions import DECIDE_LINK
from weerbaar.cases.permissions import VIEW_CASE as CASE_VIEW
from weerbaar.cases.permissions import VIEW_INSPECTION as INSPECTION_VIEW
from weerbaar.cases.permissions import VIEW_SUBJECT as VIEW
from weerbaar.cases.services import linking
from weerbaar.cases.services.selectors import (
    visible_cases,
    visible_inspections,
    visible_subjects,
)
from weerbaar.core.api.pagination import page, page_parameters, paged
from weerbaar.core.api.schema import PROBLEM_RESPONSES
from weerbaar.signals.permissions import VIEW_SIGNAL
from weerbaar.signals.services.selectors import visible_signals

AUTH = [PartnerTokenAuthentication, SessionAuthentication]
PAGE_PARAMETERS = page_parameters()


def _require(request: Request) -> None:
    if not may(request.user, VIEW):
        raise PermissionDenied("Geen recht om objecten te bekijken.")


class SubjectListView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="objects_list",
        summary="Objecten",
        description="Panden, bedrijven en online accounts waar signalen over gaan (binnen uw werkgebied).",
        parameters=[
            OpenApiParameter("q", str, description="Zoek in naam, sleutel of KvK-nummer."),
            *PAGE_PARAMETERS,
        ],
        responses={200: paged(SubjectSerializer, "SubjectPage"), **PROBLEM_RESPONSES},
        tags=["objecten"],
    )
    def get(self, request: Request) -> Response:
        _require(request)
        subjects = (
            visible_subjects(request.user).select_related("municipality").order_by("label", "pk")
        )
        query = str(request.query_params.get("q", "")).strip()[:100]
        if query:
            subjects = subjects.filter(label__icontains=query) | subjects.filter(kvk=query)
        return page(request, subjects, SubjectSerializer)


class SubjectDetailView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="objects_retrieve",
        summary="Eén object met zijn signalen",
        responses={200: SubjectSerializer, **PROBLEM_RESPONSES},
        tags=["objecten"],
    )
    def get(self, request: Request, pk: int) -> Response:
        _require(request)
        subject = visible_subjects(request.user).filter(pk=pk).first()
        if subject is None or not may(request.user, VIEW, subject):
            raise NotFound("Dit object bestaat niet of u heeft er geen toegang toe.")
        record_view(request.user, subject)
        visible = visible_signals(request.user)
        data: dict[str, Any] = dict(SubjectSerializer(subject).data)
        data["signals"] = list(
            linking.signals_about(subject, visible).values_list("receipt", flat=True)
        )
        return Response(data)


class LinkListView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="links_list",
        summary="Koppelingen van een signaal",
        parameters=[OpenApiParameter("signal", str, required=True, description="Ontvangstcode.")],
        responses={200: LinkSerializer(many=True), **PROBLEM_RESPONSES},
        tags=["objecten"],
    )
    def get(self, request: Request) -> Response:
        _require(request)
        receipt = str(request.query_params.get("signal", ""))
        signal = visible_signals(request.user).filter(receipt=receipt).first()
        if signal is None:
            raise NotFound("Dit signaal bestaat niet of u heeft er geen toegang toe.")
        links = SignalLink.objects.filter(signal=signal).select_related("signal")
        return Response(LinkSerializer(links, many=True).data)


class LinkDecisionView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="links_decide",
        summary="Koppeling bevestigen of afwijzen",
        request=DecisionRequest,
        responses={
            200: LinkSerializer,
            403: OpenApiResponse(description="Geen recht om te beslissen."),
            **PROBLEM_RESPONSES,
        },
        tags=["objecten"],
    )
    def post(self, request: Request, pk: int) -> Response:
        link = SignalLink.objects.select_related("signal").filter(pk=pk).first()
        if link is None or not may(request.user, VIEW_SIGNAL, link.signal):
            raise NotFound("Deze koppeling bestaat niet of u heeft er geen toegang toe.")
        if not may(request.user, DECIDE_LINK, link.signal):
            raise PermissionDenied("Geen recht om koppelingen te beslissen.")
        body = DecisionRequest(data=request.data)
        body.is_valid(raise_exception=True)
        linking.decide(link, body.validated_data["state"], actor=request.user)
        return Response(LinkSerializer(link).data)


class CaseListView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="cases_list",
        summary="Zaken",
        description="Zaken binnen uw werkgebied of van uw organisatie; gevoelige zaken alleen als u erop genoemd bent.",
        parameters=[
            OpenApiParameter(
                "state", str, enum=CaseState.values, description="Alleen zaken in deze fase."
            ),
            *PAGE_PARAMETERS,
        ],
        responses={200: paged(CaseSerializer, "CasePage"), **PROBLEM_RESPONSES},
        tags=["zaken"],
    )
    def get(self, request: Request) -> Response:
        if not may(request.user, CASE_VIEW):
            raise PermissionDenied("Geen recht om zaken te bekijken.")
        cases = (
            visible_cases(request.user)
            .select_related("owner_organisation")
            .prefetch_related("subjects")
        )
        state = request.query_params.get("state")
        if state:
            if state not in CaseState.values:
                raise ValidationError(
                    {"state": [f"Onbekende fase; kies uit {', '.join(CaseState.values)}."]}
                )
            cases = cases.filter(state=state)
        return page(request, cases.order_by("-created_at", "-pk"), CaseSerializer)


class CaseDetailView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="cases_retrieve",
        summary="Eén zaak",
        responses={200: CaseSerializer, **PROBLEM_RESPONSES},
        tags=["zaken"],
    )
    def get(self, request: Request, pk: int) -> Response:
        case = visible_cases(request.user).filter(pk=pk).first()
        if case is None or not may(request.user, CASE_VIEW, case):
            raise NotFound("Deze zaak bestaat niet of u heeft er geen toegang toe.")
        record_view(request.user, case)
        return Response(CaseSerializer(case).data)


class InspectionListView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="inspections_list",
        summary="Controledagen",
        description="Controledagen van uw organisatie of in uw werkgebied, met route, bezoeken en maatregelen.",
        parameters=PAGE_PARAMETERS,
        responses={200: paged(InspectionSerializer, "InspectionPage"), **PROBLEM_RESPONSES},
        tags=["zaken"],
    )
    def get(self, request: Request) -> Response:
        if not may(request.user, INSPECTION_VIEW):
            raise PermissionDenied("Geen recht om controles te bekijken.")
        inspections = visible_inspections(request.user).prefetch_related(
            "stops__subject", "stops__visit__measures"
        )
        return page(request, inspections.order_by("-date", "-pk"), InspectionSerializer)
