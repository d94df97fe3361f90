"""``/api/v1/screening/applications``: the Bibob register for the screening team's own
systems. The same access rule as the pages: only the named team sees an application, and
every read of one is audited."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.accounts.api.authentication import PartnerTokenAuthentication
from weerbaar.accounts.services.access import may
from weerbaar.core.api.pagination import page, paged
from weerbaar.core.api.schema import PROBLEM_RESPONSES
from weerbaar.screening.models import Application, Person, State
from weerbaar.screening.services import access, checks, workflow

AUTH = [PartnerTokenAuthentication, SessionAuthentication]
MAX_PAGE_SIZE = 100


class DeadlineSerializer(serializers.Serializer):
    due = serializers.DateField()
    baseDue = serializers.DateField(source="base_due")
    suspendedDays = serializers.IntegerField(source="suspended_days", min_value=0)
    provisional = serializers.BooleanField()
    lbbDue = serializers.DateField(source="lbb_due", allow_null=True)
    hearingEnds = serializers.DateField(source="hearing_ends", allow_null=True)
    explanation = serializers.ListField(source="lines", child=serializers.CharField())


class ApplicationSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, min_value=1, max_value=2**53)
    kind: Any = serializers.SlugRelatedField(slug_field="code", read_only=True)
    municipality: Any = serializers.SlugRelatedField(slug_field="code", read_only=True)
    premises: Any = serializers.CharField(source="premises.label", allow_null=True, read_only=True)
    deadline = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = [
            "id",
            "reference",
            "kind",
            "applicant_name",
            "kvk",
            "municipality",
            "premises",
            "requested_decision",
            "received_on",
            "state",
            "assessment",
            "lbb_degree",
            "outcome",
            "decision_ground",
            "decided_on",
            "deadline",
        ]

    @extend_schema_field(DeadlineSerializer)
    def get_deadline(self, application: Application) -> dict[str, Any]:
        return dict(DeadlineSerializer(workflow.deadline(application, timezone.localdate())).data)


class PersonSerializer(serializers.ModelSerializer):
    share_percent = serializers.IntegerField(min_value=0, max_value=100, allow_null=True)

    class Meta:
        model = Person
        fields = ["role", "name", "birth_date", "since", "until", "share_percent"]


class FindingSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    fired = serializers.BooleanField()
    explanation = serializers.CharField()
    dataUsed = serializers.CharField(source="data_used")
    weight = serializers.CharField(source="weight_label")
    details = serializers.ListField(child=serializers.CharField())


class ApplicationDetailSerializer(ApplicationSerializer):
    persons = PersonSerializer(many=True, read_only=True)
    findings = serializers.SerializerMethodField()

    class Meta(ApplicationSerializer.Meta):
        fields = [*ApplicationSerializer.Meta.fields, "persons", "findings"]

    @extend_schema_field(FindingSerializer(many=True))
    def get_findings(self, application: Application) -> list[dict[str, Any]]:
        viewer = self.context["request"].user
        return [dict(FindingSerializer(f).data) for f in checks.run_all(application, viewer)]


ApplicationPage = paged(ApplicationSerializer, "ApplicationPage")


class ApplicationListView(APIView):
    authentication_classes = AUTH

    @extend_schema(
        operation_id="screening_applications_list",
        summary="Bibob-register",
        description="Aanvragen waarvan u in het screeningsteam staat, nieuwste eerst. Zonder persoonsgegevens.",
        parameters=[
            OpenApiParameter("state", str, description="Alleen aanvragen in deze fase."),
            OpenApiParameter("page", int, description="Pagina (vanaf 1)."),
            OpenApiParameter(
                "pageSize", int, description=f"Aantal per pagina (ten hoogste {MAX_PAGE_SIZE})."
            ),
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
