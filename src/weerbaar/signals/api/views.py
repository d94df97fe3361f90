"""Signals API: anonymous intake and status for the public, token intake for partners.

All validation is ``SignalForm`` (the HTML forms use the same), errors are problem+json
with a Dutch reason per field.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from django.http import QueryDict
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import fields as drf_fields
from rest_framework import serializers as drf_serializers
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.accounts.api.authentication import PartnerTokenAuthentication
from weerbaar.accounts.services.access import may
from weerbaar.core.api.parsers import BoundedJSONParser
from weerbaar.core.api.schema import PROBLEM_RESPONSES, ProblemSerializer
from weerbaar.signals.api import serializers
from weerbaar.signals.forms import ANSWER_PREFIX, ReporterMessageForm, SignalForm
from weerbaar.signals.models import Channel, Signal
from weerbaar.signals.permissions import ADD_SIGNAL
from weerbaar.signals.services import conversation, intake, receipts
from weerbaar.signals.services import status as status_service
from weerbaar.signals.services.ratelimit import Verdict, busy_message, limiter

SECRET_HEADER = "X-Signal-Secret"  # noqa: S105 - a header name
NOT_FOUND = "Geen melding gevonden met deze ontvangstcode en geheime code."
TOO_MANY = "Te veel verzoeken vanaf deze verbinding. Probeer het over een paar minuten opnieuw."


class DutchThrottled(Throttled):
    default_detail = TOO_MANY

    def __init__(self, detail: str = TOO_MANY) -> None:
        super().__init__(wait=None, detail=detail)


def _limit(request: Request, bucket: str, *, peek: bool = False) -> None:
    """429 when this client, or everyone, asked too often; ``peek`` only looks."""
    key = getattr(request._request, "anonymous_client_key", "")
    verdict = limiter.peek(key, bucket) if peek else limiter.check(key, bucket)
    if verdict is Verdict.EVERYONE:
        raise DutchThrottled(busy_message(verdict))
    if verdict is Verdict.CLIENT:
        raise DutchThrottled()


_TEXT = (drf_fields.CharField, drf_fields.ChoiceField, drf_fields.DateField)
_NUMBER = (drf_fields.IntegerField, drf_fields.DecimalField)


@lru_cache(maxsize=8)
def _schema_fields(schema: type[drf_serializers.Serializer]) -> dict[str, Any]:
    """A schema's fields, made once: building the serializer took 1 ms of each report."""
    return dict(schema().fields)


def _wrong_types(
    data: dict[str, Any], schema: type[drf_serializers.Serializer]
) -> dict[str, list[str]]:
    """JSON values of the wrong type, named per field: ``{"description": 12}`` is not a
    description, and must not become the text "12"."""
    fields = _schema_fields(schema)
    errors: dict[str, list[str]] = {}
    for key, value in data.items():
        field = fields.get(key)
        if field is None or (value is None and field.allow_null):
            continue
        if value is None:
            errors[key] = ["Laat het veld weg of geef een waarde; null kan hier niet."]
        elif isinstance(field, _TEXT) and not isinstance(value, str):
            errors[key] = ["Moet tekst zijn."]
        elif isinstance(field, _NUMBER) and (
            isinstance(value, bool) or not isinstance(value, (int, float, str))
        ):
            errors[key] = ["Moet een getal zijn."]
        elif isinstance(field, drf_fields.ListField) and isinstance(
            field.child, drf_fields.FileField
        ):
            errors[key] = ["Stuur foto's mee in een multipart/form-data-verzoek, niet in JSON."]
        elif isinstance(field, drf_fields.DictField) and not (
            isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        ):
            errors[key] = ["Moet een object met tekst per vraag zijn."]
        elif isinstance(field, drf_fields.ListField) and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            errors[key] = ["Moet een lijst met tekst zijn."]
    return errors


def _multipart_answers(data: QueryDict, schema: type[drf_serializers.Serializer]) -> QueryDict:
    """In a multipart body ``answers`` is one JSON part (as the schema says); it used to be
    ignored, losing the answers. Read it like the JSON body's object."""
    if "answers" not in data:
        return data
    flat = data.copy()
    raw = flat.pop("answers")[-1]
    try:
        answers = json.loads(raw)
    except ValueError:
        answers = None
    if errors := _wrong_types({"answers": raw if answers is None else answers}, schema):
        raise ValidationError(errors)
    for answer_key, answer in answers.items():
        flat[ANSWER_PREFIX + str(answer_key)] = "" if answer is None else answer
    return flat


def _form_data(data: Any, schema: type[drf_serializers.Serializer]) -> Any:
    """JSON bodies may carry ``answers`` as an object and ``indicators`` as a list; the
    form reads them as answer_<key> and repeated fields."""
    if isinstance(data, QueryDict):
        return _multipart_answers(data, schema)
    if not isinstance(data, dict):
        raise ValidationError({"nonFieldErrors": ["Verwacht een JSON-object."]})
    if errors := _wrong_types(data, schema):
        raise ValidationError(errors)
    flat = QueryDict(mutable=True)
    for key, value in data.items():
        if key == "answers" and isinstance(value, dict):
            for answer_key, answer in value.items():
                flat[ANSWER_PREFIX + str(answer_key)] = "" if answer is None else str(answer)
        elif isinstance(value, list):
            flat.setlist(key, [str(v) for v in value])
        elif value is not None:
            flat[key] = str(value).lower() if isinstance(value, bool) else str(value)
    return flat


def _validated(request: Request, *, official: bool) -> SignalForm:
    files = request.FILES if hasattr(request, "FILES") else None
    schema = serializers.PartnerSignalRequest if official else serializers.PublicSignalRequest
    form = SignalForm(_form_data(request.data, schema), files, official=official)
    if not form.is_valid():
        raise ValidationError(
            {
                (name[len(ANSWER_PREFIX) :] if name.startswith(ANSWER_PREFIX) else name): [
                    str(e) for e in errors
                ]
                for name, errors in form.errors.items()
            }
        )
    return form


def _find(receipt: str, secret: str) -> Signal:
    signal = receipts.find_for_reporter(receipt, secret)
    if signal is None:
        raise NotFound(NOT_FOUND)
    return signal


SECRET_PARAMETER = OpenApiParameter(
    SECRET_HEADER,
    str,
    location=OpenApiParameter.HEADER,
    required=True,
    description="De geheime code die bij het melden werd getoond.",
)


class PublicSignalCreateView(APIView):
    authentication_classes: list[Any] = []
    parser_classes = [MultiPartParser, FormParser, BoundedJSONParser]

    @extend_schema(
        operation_id="public_signals_create",
        summary="Anoniem melden",
        description=(
            "Neemt een anonieme melding aan. Er wordt niets over de melder bewaard (geen "
            "IP-adres, geen user agent, geen metadata uit foto's). Geeft een ontvangstcode en "
            "een geheime code terug; alleen een hash van de geheime code wordt bewaard."
        ),
        request={
            "multipart/form-data": serializers.PublicSignalRequest,
            "application/json": serializers.PublicSignalRequest,
        },
        responses={
            201: serializers.ReceiptResponse,
            413: OpenApiResponse(ProblemSerializer, description="Te groot."),
            429: OpenApiResponse(ProblemSerializer, description="Te veel verzoeken."),
            **PROBLEM_RESPONSES,
        },
        tags=["melden"],
    )
    def post(self, request: Request) -> Response:
        _limit(request, "melden", peek=True)  # a refused client is not read any further
        try:
            form = _validated(request, official=False)
        except ValidationError:
            _limit(request, "melden")  # a refused report counts too
            raise
        # the count and the report in one transaction: one commit (one fsync) a report,
        # and the write lock taken once, after the work that needs none
        result = intake.submit(
            form.to_input(),
            channel=Channel.PUBLIEK,
            first_in_transaction=lambda: _limit(request, "melden"),
        )
        return Response(
            {
                "receipt": result.signal.receipt,
                "secret": result.secret,
                "status": status_service.public_state(result.signal)[0],
            },
            status=status.HTTP_201_CREATED,
        )


class PublicSignalStatusView(APIView):
    authentication_classes: list[Any] = []

    @extend_schema(
        operation_id="public_signals_retrieve",
        summary="Status van een melding",
        description=(
            "Grove status (ontvangen, in behandeling, afgesloten) en de berichten tussen "
            "behandelaar en melder. Een onjuiste of ontbrekende geheime code geeft 404, net "
            "als een onbekende ontvangstcode."
        ),
        parameters=[SECRET_PARAMETER],
        responses={200: serializers.PublicStatusResponse, **PROBLEM_RESPONSES},
        tags=["melden"],
    )
    def get(self, request: Request, receipt: str) -> Response:
        _limit(request, "status")
        signal = _find(receipt, request.headers.get(SECRET_HEADER, ""))
        code, label = status_service.public_state(signal)
        return Response(
            {
                "receipt": signal.receipt,
                "status": code,
                "statusLabel": label,
                "receivedOn": signal.created_at.date().isoformat(),
                "messages": [
                    {"kind": e.kind, "text": e.text, "createdAt": e.created_at.isoformat()}
                    for e in conversation.reporter_view(signal)
                ],
            }
        )


class PublicSignalMessageView(APIView):
    authentication_classes: list[Any] = []
    parser_classes = [BoundedJSONParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="public_signals_messages_create",
        summary="Melding aanvullen",
        description="Voegt informatie toe of beantwoordt een vraag van de behandelaar.",
        parameters=[SECRET_PARAMETER],
        request={"application/json": serializers.MessageRequest},
        responses={201: serializers.MessageResponse, **PROBLEM_RESPONSES},
        tags=["melden"],
    )
    def post(self, request: Request, receipt: str) -> Response:
        _limit(request, "status")
        signal = _find(receipt, request.headers.get(SECRET_HEADER, ""))
        form = ReporterMessageForm(_form_data(request.data, serializers.MessageRequest))
        if not form.is_valid():
            raise ValidationError({k: [str(e) for e in v] for k, v in form.errors.items()})
        try:
            event = conversation.reporter_adds(signal, form.cleaned_data["text"])
        except conversation.ConversationError as exc:
            raise ValidationError({"text": [str(exc)]}) from exc
        return Response({"createdAt": event.created_at.isoformat()}, status=status.HTTP_201_CREATED)


class PartnerSignalCreateView(APIView):
    authentication_classes = [PartnerTokenAuthentication]
    parser_classes = [BoundedJSONParser, MultiPartParser, FormParser]

    @extend_schema(
        operation_id="signals_create",
        summary="Signaal aanleveren (partnersysteem)",
        description=(
            "Voor partnersystemen met een sleutel (Authorization: Token <sleutel>), "
            "bijvoorbeeld om een MMA-melding door te zetten. Dezelfde controles als het "
            "formulier; de categorie is verplicht. Vereist het recht signals.add_signal."
        ),
        request={
            "application/json": serializers.PartnerSignalRequest,
            "multipart/form-data": serializers.PartnerSignalRequest,
        },
        responses={
            201: serializers.PartnerSignalResponse,
            401: OpenApiResponse(ProblemSerializer, description="Geen of een onjuiste sleutel."),
            403: OpenApiResponse(
                ProblemSerializer, description="Geen recht om signalen aan te leveren."
            ),
            **PROBLEM_RESPONSES,
        },
        tags=["signalen"],
    )
    def post(self, request: Request) -> Response:
        if not may(request.user, ADD_SIGNAL):
            raise PermissionDenied("Deze sleutel mag geen signalen aanleveren.")
        form = _validated(request, official=True)
        result = intake.submit(form.to_input(), channel=Channel.PARTNER, user=request.user)
        signal = result.signal
        return Response(
            {
                "id": signal.pk,
                "receipt": signal.receipt,
                "status": signal.status,
                "municipality": signal.municipality.code if signal.municipality else None,
                "outsideRegion": signal.outside_region,
                "suggestedCategory": signal.suggested_category.slug
                if signal.suggested_category
                else None,
            },
            status=status.HTTP_201_CREATED,
        )
