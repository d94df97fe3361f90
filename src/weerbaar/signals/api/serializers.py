"""Request and response shapes for the OpenAPI schema. Validation itself is the one
SignalForm (signals.forms) that the HTML forms use too."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from weerbaar.signals.models import Confidentiality, LocationKind, Platform, Source


class PublicSignalRequest(serializers.Serializer):
    description = serializers.CharField(
        min_length=10, max_length=5000, help_text="Wat er aan de hand is (minstens 10 tekens)."
    )
    category = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Code van een categorie (zie de pagina /melden/).",
    )
    location_kind = serializers.ChoiceField(choices=LocationKind.choices, required=False)
    postcode = serializers.RegexField(
        r"^(?:[1-9][0-9]{3} ?[A-Za-z]{2})?$",
        required=False,
        allow_blank=True,
        help_text="Bijvoorbeeld 9711AB. Leeg: geen postcode (zoals een leeg formulierveld).",
    )
    house_number = serializers.IntegerField(required=False, min_value=1, max_value=99999)
    house_letter = serializers.RegexField(r"^[A-Za-z]?$", required=False, allow_blank=True)
    house_addition = serializers.CharField(required=False, allow_blank=True, max_length=4)
    street = serializers.CharField(required=False, allow_blank=True, max_length=120)
    place = serializers.CharField(required=False, allow_blank=True, max_length=80)
    municipality = serializers.RegexField(
        r"^(?:[Gg][Mm][0-9]{4})?$",
        required=False,
        allow_blank=True,
        help_text="CBS-code, bijvoorbeeld GM0014.",
    )
    district = serializers.CharField(
        required=False, allow_blank=True, help_text="Naam van de wijk of buurt."
    )
    latitude = serializers.DecimalField(
        required=False,
        max_digits=8,
        decimal_places=5,
        min_value=Decimal("50.7"),
        max_value=Decimal("53.7"),
    )
    longitude = serializers.DecimalField(
        required=False,
        max_digits=8,
        decimal_places=5,
        min_value=Decimal("3.2"),
        max_value=Decimal("7.3"),
    )
    platform = serializers.ChoiceField(choices=Platform.choices, required=False)
    handle = serializers.CharField(required=False, allow_blank=True, max_length=120)
    occurred_at = serializers.DateField(required=False)
    occurred_note = serializers.CharField(required=False, allow_blank=True, max_length=200)
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="Antwoorden op de vervolgvragen van de categorie (JSON), of velden answer_<key>.",
    )
    attachments = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        max_length=5,
        help_text="Hoogstens 5 foto's (JPEG, PNG, WebP), elk hoogstens 10 MB.",
    )


class PartnerSignalRequest(PublicSignalRequest):
    category = serializers.CharField(help_text="Code van een categorie.")
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=[c for c in Source.choices if c[0] != Source.MELDER], required=False
    )
    source_reference = serializers.CharField(required=False, allow_blank=True, max_length=60)
    confidentiality = serializers.ChoiceField(choices=Confidentiality.choices, required=False)
    indicators = serializers.ListField(child=serializers.CharField(), required=False)


class ReceiptResponse(serializers.Serializer):
    receipt = serializers.CharField(help_text="Ontvangstcode.")
    secret = serializers.CharField(help_text="Geheime code; alleen nu getoond, niet bewaard.")
    status = serializers.CharField()


class ReporterMessage(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["vraag", "aanvulling"])
    text = serializers.CharField()
    createdAt = serializers.DateTimeField()


class PublicStatusResponse(serializers.Serializer):
    receipt = serializers.CharField()
    status = serializers.ChoiceField(choices=["ontvangen", "in_behandeling", "afgesloten"])
    statusLabel = serializers.CharField()
    receivedOn = serializers.DateField()
    messages = ReporterMessage(many=True)


class MessageRequest(serializers.Serializer):
    text = serializers.CharField(max_length=5000)


class MessageResponse(serializers.Serializer):
    createdAt = serializers.DateTimeField()


class PartnerSignalResponse(serializers.Serializer):
    id = serializers.IntegerField(min_value=1, max_value=2**53)
    receipt = serializers.CharField()
    status = serializers.CharField()
    municipality = serializers.CharField(allow_null=True)
    outsideRegion = serializers.BooleanField()
    suggestedCategory = serializers.CharField(allow_null=True)
