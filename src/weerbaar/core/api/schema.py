"""Shared OpenAPI pieces: the problem+json error body every endpoint can return."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Naam van de parameter.")
    code = serializers.CharField(help_text="Foutcode, bijvoorbeeld invalid_choice.")
    reason = serializers.CharField(help_text="Uitleg in het Nederlands.")


class ProblemSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()
    invalidParams = InvalidParamSerializer(many=True, required=False)


PROBLEM_RESPONSES = {
    400: OpenApiResponse(
        ProblemSerializer, description="Ongeldige parameters (application/problem+json)."
    ),
    404: OpenApiResponse(
        ProblemSerializer, description="Niet gevonden (application/problem+json)."
    ),
}
