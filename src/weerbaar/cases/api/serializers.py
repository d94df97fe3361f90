"""The API's serializers (one place per app, imported by the API views)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from weerbaar.cases.models import (
    Case,
    Inspection,
    InspectionStop,
    LinkState,
    SignalLink,
    Subject,
)


class SubjectSerializer(serializers.ModelSerializer):
    municipality: Any = serializers.SlugRelatedField(slug_field="code", read_only=True)
    id = serializers.IntegerField(read_only=True, min_value=1, max_value=2**53)
    house_number = serializers.IntegerField(min_value=1, max_value=99999, allow_null=True)

    class Meta:
        model = Subject
        fields = [
            "id",
            "kind",
            "key",
            "label",
            "street",
            "house_number",
            "house_letter",
            "house_addition",
            "postcode",
            "place",
            "kvk",
            "trade_names",
            "platform",
            "handle",
            "municipality",
        ]


class LinkSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, min_value=1, max_value=2**53)
    signal: Any = serializers.SlugRelatedField(slug_field="receipt", read_only=True)
    subject: Any = serializers.PrimaryKeyRelatedField(read_only=True)
    score = serializers.IntegerField(min_value=0, max_value=100)

    class Meta:
        model = SignalLink
        fields = ["id", "signal", "subject", "state", "score", "reason", "decided_at"]


class DecisionRequest(serializers.Serializer):
    state = serializers.ChoiceField(choices=[LinkState.CONFIRMED, LinkState.REJECTED])


class CaseSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, min_value=1, max_value=2**53)
    owner: Any = serializers.CharField(source="owner_organisation.name", read_only=True)
    subjects: Any = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "title",
            "state",
            "deadline",
            "owner",
            "team",
            "sensitive",
            "partner_references",
            "subjects",
            "created_at",
        ]


class StopSerializer(serializers.ModelSerializer):
    subject: Any = serializers.CharField(source="subject.label", read_only=True)
    position = serializers.IntegerField(min_value=1, max_value=1000, allow_null=True)
    duration_minutes = serializers.IntegerField(min_value=1, max_value=600)
    visit: Any = serializers.SerializerMethodField()

    class Meta:
        model = InspectionStop
        fields = ["position", "arrival", "subject", "duration_minutes", "visit"]

    def get_visit(self, stop: InspectionStop) -> dict[str, Any] | None:
        visit = getattr(stop, "visit", None)
        if visit is None:
            return None
        return {
            "situation": visit.situation,
            "findings": visit.findings,
            "measures": [
                {"kind": m.kind, "legalBasis": m.legal_basis, "followUp": m.follow_up.isoformat()}
                for m in visit.measures.all()
            ],
        }


class InspectionSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, min_value=1, max_value=2**53)
    stops = StopSerializer(many=True, read_only=True)
    route_minutes = serializers.IntegerField(min_value=0, max_value=10000, allow_null=True)

    class Meta:
        model = Inspection
        fields = ["id", "date", "team", "disciplines", "start_time", "route_minutes", "stops"]
