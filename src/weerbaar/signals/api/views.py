"""Signals API: anonymous intake and status for the public, token intake for partners.

All validation is ``SignalForm`` (the HTML forms use the same), errors are problem+json
with a Dutch reason per field.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.accounts.api.authentication import PartnerTokenAuthentication
from weerbaar.accounts.services.access import may
from weerbaar.core.api.schema import PROBLEM_RESPONSES, ProblemSerializer
from weerbaar.signals.api import serializers
from weerbaar.signals.forms import ANSWER_PREFIX, ReporterMessageForm, SignalForm
from weerbaar.signals.models import Channel, Signal
from weerbaar.signals.permissions import ADD_SIGNAL
from weerbaar.signals.services import conversation, intake, receipts
from weerbaar.signals.services import status as status_service
from weerbaar.signals.services.ratelimit import limiter

SECRET_HEADER = "X-Signal-Secret"  # noqa: S105 - a header name
NOT_FOUND = "Geen melding gevonden met deze ontvangstcode en geheime code."
TOO_MANY = "Te veel verzoeken vanaf deze verbinding. Probeer het over een paar minuten opnieuw."


class DutchThrottled(Throttled):
    default_detail = TOO_MANY

    def __init__(self) -> None:
        super().__init__(wait=None, detail=TOO_MANY)


def _limit(request: Request, bucket: str) -> None:
    if not limiter.allow(getattr(request._request, "anonymous_client_key", ""), bucket):
        raise DutchThrottled()


def _form_data(data: Any) -> Any:
    """JSON bodies may carry ``answers`` as an object and ``indicators`` as a list; the
    form reads them as answer_<key> and repeated fields."""
    if isinstance(data, QueryDict):
        return data
    if not isinstance(data, dict):
        raise ValidationError({"nonFieldErrors": ["Verwacht een JSON-object."]})
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
    form = SignalForm(_form_data(request.data), files, official=official)
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
    parser_classes = [MultiPartParser, FormParser, JSONParser]

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
        _limit(request, "melden")
        form = _validated(request, official=False)
        result = intake.submit(form.to_input(), channel=Channel.PUBLIEK)
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
    parser_classes = [JSONParser, FormParser, MultiPartParser]

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
        form = ReporterMessageForm(_form_data(request.data))
        if not form.is_valid():
            raise ValidationError({k: [str(e) for e in v] for k, v in form.errors.items()})
        try:
            event = conversation.reporter_adds(signal, form.cleaned_data["text"])
        except conversation.ConversationError as exc:
            raise ValidationError({"text": [str(exc)]}) from exc
        return Response({"createdAt": event.created_at.isoformat()}, status=status.HTTP_201_CREATED)


class PartnerSignalCreateView(APIView):
    authentication_classes = [PartnerTokenAuthentication]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

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
