from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from weerbaar.areas.models import Area, AreaLevel
from weerbaar.areas.services.selectors import LatestPopulation
from weerbaar.core.api.fields import StrictBooleanField

# Every area code, in either case; written out for the schema (CODE_PATTERNS per level).
AREA_CODE = (
    r"^(?:[Pp][Vv][0-9]{2}|[Gg][Mm][0-9]{4}|[Ww][Kk][0-9]{4}[0-9A-Za-z]{2}"
    r"|[Bb][Uu][0-9]{4}[0-9A-Za-z]{4})$"
)


class AreaDetailParameters(serializers.Serializer):
    geometry = StrictBooleanField(
        required=False,
        default=False,
        help_text="Met grens als GeoJSON (true) of zonder (false, standaard).",
        error_messages={"invalid": "Gebruik true of false."},
    )


class AreaListParameters(AreaDetailParameters):
    """Query parameters of ``GET /api/v1/areas``, validated with Dutch messages."""

    level = serializers.ChoiceField(
        choices=AreaLevel.choices,
        required=False,
        help_text="Niveau: provincie, gemeente, wijk of buurt.",
        error_messages={"invalid_choice": "Kies uit provincie, gemeente, wijk of buurt."},
    )
    # A query parameter named like DRF's Field.parent attribute; the clash is harmless here.
    parent = serializers.RegexField(  # type: ignore[assignment]
        AREA_CODE,
        required=False,
        trim_whitespace=False,
        help_text="Code van het bovenliggende gebied, bijvoorbeeld PV20 of GM0014.",
        error_messages={
            "invalid": "Geen geldige gebiedscode (PVxx, GMxxxx, WKxxxxxx of BUxxxxxxxx)."
        },
    )

    def validate_parent(self, value: str) -> str:
        return value.upper()


class ParentSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    url = serializers.CharField()


class PopulationSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="Jaar; peildatum 1 januari.")
    count = serializers.IntegerField(help_text="Aantal inwoners.")
    source = serializers.CharField()  # type: ignore[assignment]


class AreaSerializer(serializers.ModelSerializer):
    parent = serializers.SerializerMethodField()  # type: ignore[assignment]
    population = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    validFrom = serializers.IntegerField(
        source="valid_from", help_text="Eerste jaar van de indeling."
    )
    validTo = serializers.IntegerField(
        source="valid_to", allow_null=True, help_text="Laatste jaar; null als geen einde bekend is."
    )

    class Meta:
        model = Area
        fields = ["code", "name", "level", "parent", "validFrom", "validTo", "population", "url"]
        # With ?geometry=true a "geometry" field (GeoJSON geometry or null) is added.

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.context.get("geometry"):
            self.fields["geometry"] = serializers.JSONField(
                read_only=True, help_text="Grens als GeoJSON-geometrie (WGS84), of null."
            )

    @extend_schema_field(ParentSerializer(allow_null=True))
    def get_parent(self, area: Area) -> dict[str, str] | None:
        if area.parent is None:
            return None
        return {
            "code": area.parent.code,
            "name": area.parent.name,
            "url": reverse("api:area-detail", args=[area.parent.code]),
        }

    @extend_schema_field(PopulationSerializer(allow_null=True))
    def get_population(self, area: Area) -> dict[str, Any] | None:
        latest: LatestPopulation | None = self.context.get("population", {}).get(area.pk)
        if latest is None:
            return None
        return {"year": latest.year, "count": latest.count, "source": latest.source}

    def get_url(self, area: Area) -> str:
        return reverse("api:area-detail", args=[area.code])
