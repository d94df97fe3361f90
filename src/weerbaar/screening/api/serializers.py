"""The API's serializers (one place per app, imported by the API views)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from weerbaar.core.api.pagination import paged
from weerbaar.screening.models import Application, Person
from weerbaar.screening.services import checks, workflow


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
