"""Shared OpenAPI pieces: the problem+json error body every endpoint can return."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Naam van de parameter.")
    code = serializers.CharField(help_text="Foutcode, bijvoorbeeld invalid_choice.")
    reason = serializers.CharField(help_text="Uitleg in het Nederlands.")


PROBLEM_CONTENT = "application/problem+json"


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


# --- NL API Design Rules over the whole document -------------------------------------
# drf-spectacular describes each operation from its view; the rules below hold for every
# operation alike, so one postprocessing hook adds them instead of each view repeating them.

TAGS = {
    "gebieden": "Provincies, gemeenten, wijken en buurten met inwonertallen en grenzen.",
    "monitor": "Indicatoren van de regionale monitor en hun waarden per gebied en jaar.",
    "selectie": "Selecties van gebieden voor programma's, met de regels die ze maakten.",
    "melden": "Anoniem melden voor inwoners: melding doen, status volgen, berichten.",
    "signalen": "Signalen van partners, binnen hun werkgebied en rechten.",
    "objecten": "Panden en andere objecten en hun koppelingen aan signalen.",
    "zaken": "Zaken en controles van het interventieteam.",
    "screening": "Het Bibob-register: aanvragen en hun stand.",
    "documentatie": "Deze API-beschrijving zelf.",
}

# What every operation can answer, whatever it does: a bad token (401), no right or no
# second login step (403), nothing there (404), no acceptable format (406), an address
# too long (414).
ALWAYS = {
    "401": "Niet ingelogd of onbekende sleutel.",
    "403": "Geen toegang: geen recht, buiten het werkgebied of de tweede inlogstap ontbreekt.",
    "404": "Niet gevonden.",
    "406": "Het gevraagde formaat (Accept) wordt niet geleverd.",
    "414": (
        "Het adres (met parameters) is te lang: boven 4.000 tekens als problem+json, boven "
        "de grens van de webserver (8.190 bytes) als diens eigen HTML-pagina."
    ),
}
WITH_INPUT = {"400": "Ongeldige parameters of invoer; zie invalidParams."}
WITH_BODY = {
    "413": "De invoer is te groot.",
    "415": "Het formaat van de invoer (Content-Type) wordt niet ondersteund.",
}
LIMITED = {"429": "Te veel verzoeken; probeer het later opnieuw (zie Retry-After)."}
PROBLEM = {"$ref": "#/components/schemas/Problem"}
VERSION_HEADER = {
    "API-Version": {
        "description": "De volledige versie van de API (NL API Design Rules, API-57).",
        "schema": {"type": "string", "example": "1.0.0"},
    }
}
SCHEMA_PATH = "/openapi.json"


def _error(description: str, status: str = "") -> dict[str, Any]:
    content: dict[str, Any] = {PROBLEM_CONTENT: {"schema": PROBLEM}}
    if status == "414":
        # past the web server's own limit (gunicorn: 8190 bytes) it answers before Weerbaar can
        content["text/html"] = {"schema": {"type": "string"}}
    return {"description": description, "content": content}


def _errors_for(path: str, operation: dict[str, Any]) -> dict[str, str]:
    errors = dict(ALWAYS)
    if operation.get("parameters") or "requestBody" in operation:
        errors.update(WITH_INPUT)
    if "requestBody" in operation:
        errors.update(WITH_BODY)
    if path.startswith("/public/"):
        errors.update(LIMITED)
    return errors


def _no_empty_query_values(operation: dict[str, Any]) -> None:
    """An empty query value is refused (core.middleware.ApiRequestShapeMiddleware)."""
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter.get("in") == "query" and schema.get("type") == "string":
            schema.setdefault("minLength", 1)


def _document_responses(path: str, operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    for status, response in responses.items():
        if status[0] in "23":
            response.setdefault("headers", {}).update(VERSION_HEADER)
        elif status[0] in "45":
            response["content"] = {PROBLEM_CONTENT: {"schema": PROBLEM}}
    for status, description in _errors_for(path, operation).items():
        responses.setdefault(status, _error(description, status))
    operation.setdefault("description", operation.get("summary", ""))


def _schema_operation() -> dict[str, Any]:
    """/core/publish-openapi: the document names the address it is published at."""
    return {
        "get": {
            "operationId": "openapi_json",
            "summary": "Deze API-beschrijving",
            "description": "De OpenAPI-beschrijving van deze API als JSON.",
            "tags": ["documentatie"],
            "security": [{}],
            "responses": {
                "200": {
                    "description": "De OpenAPI-beschrijving.",
                    "content": {"application/vnd.oai.openapi+json": {"schema": {"type": "object"}}},
                }
            },
        }
    }


def _local_times(node: Any) -> None:
    """/core/date-time: a time of day without a date has no zone, so it is ``time-local``
    (a planned inspection at 09:30 Dutch time), not RFC 3339's zoned ``time``."""
    if isinstance(node, dict):
        if node.get("format") == "time":
            node["format"] = "time-local"
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def nl_api_design_rules(result: dict[str, Any], **_: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS)."""
    _local_times(result.get("components", {}))
    result["paths"][SCHEMA_PATH] = _schema_operation()
    used: set[str] = set()
    for path, item in result["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                _no_empty_query_values(operation)
                _document_responses(path, operation)
                used.update(operation.get("tags", []))
    result["paths"] = dict(sorted(result["paths"].items()))
    result["tags"] = [{"name": tag, "description": TAGS[tag]} for tag in sorted(used)]
    return result
