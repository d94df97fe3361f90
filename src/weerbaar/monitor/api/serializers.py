from __future__ import annotations

from rest_framework import serializers

from weerbaar.monitor.models import Indicator


class SourceSerializer(serializers.Serializer):
    publisher = serializers.CharField()
    tableId = serializers.CharField(source="table_id")
    url = serializers.CharField(source="source_url")
    licence = serializers.CharField()
    citation = serializers.CharField()


class IndicatorSerializer(serializers.ModelSerializer):
    nameEn = serializers.CharField(source="name_en")
    # explicit, so the published bounds do not depend on the database backend
    scale = serializers.IntegerField(
        min_value=1, max_value=1_000_000, help_text="1, 100, 1000 of 10000."
    )
    source = serializers.SerializerMethodField()  # type: ignore[assignment]
    years = serializers.SerializerMethodField()

    class Meta:
        model = Indicator
        fields = [
            "code",
            "theme",
            "name",
            "nameEn",
            "definition",
            "numerator",
            "denominator",
            "scale",
            "unit",
            "direction",
            "aggregation",
            "levels",
            "years",
            "source",
            "notes",
        ]

    def get_source(self, indicator: Indicator) -> dict[str, str]:
        return dict(SourceSerializer(indicator).data)

    def get_years(self, indicator: Indicator) -> list[int]:
        return list(self.context.get("years", {}).get(indicator.numerator, []))


class ValuesParameters(serializers.Serializer):
    level = serializers.ChoiceField(
        choices=["gemeente", "wijk", "buurt"],
        default="gemeente",
        error_messages={"invalid_choice": "Kies uit gemeente, wijk of buurt."},
    )
    year = serializers.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={"invalid": "Geef een jaartal, bijvoorbeeld 2023."},
        help_text="Jaar; standaard het nieuwste jaar met waarden.",
    )
    # named like DRF's Field.parent; harmless for a parameter serializer
    parent = serializers.RegexField(  # type: ignore[assignment]
        r"^(PV\d{2}|GM\d{4}|WK\d{4}[0-9A-Z]{2})$",
        required=False,
        error_messages={"invalid": "Geen geldige gebiedscode (PVxx, GMxxxx of WKxxxxxx)."},
        help_text="Alleen gebieden binnen dit gebied (bijv. PV20); rangen blijven landelijk.",
    )


class ValueSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    year = serializers.IntegerField()
    value = serializers.FloatField(allow_null=True)
    numerator = serializers.FloatField(allow_null=True)
    denominator = serializers.FloatField(allow_null=True)
    status = serializers.CharField(
        help_text="definitief, voorlopig, ontbreekt, geheim, nihil, herindeling of klein "
        "(te weinig inwoners in de noemer: niet getoond)."
    )
    note = serializers.CharField(
        allow_blank=True, help_text="Hoe de waarde is gemaakt als dat niet 'zoals gepubliceerd' is."
    )
    classNumber = serializers.IntegerField(
        allow_null=True, help_text="Gepubliceerde klasse 1-9 (Leefbaarometer), anders null."
    )
    classInWords = serializers.CharField(allow_blank=True, help_text="'klasse 7: goed'.")
    rank = serializers.IntegerField(
        allow_null=True, help_text="1 = hoogste waarde van alle gebieden."
    )
    percentile = serializers.FloatField(
        allow_null=True, help_text="% gebieden met een lagere waarde."
    )
    shareHigher = serializers.FloatField(
        allow_null=True, help_text="% gebieden met een hogere waarde."
    )


class ValuesResponseSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    level = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    unit = serializers.CharField()
    higherIs = serializers.ChoiceField(
        choices=["worse", "better", "neutral"],
        help_text="Wat een hogere waarde betekent (richting van de indicator).",
    )
    comparedWith = serializers.IntegerField(
        help_text="Aantal gebieden met een waarde in de vergelijking."
    )
    results = ValueSerializer(many=True)
