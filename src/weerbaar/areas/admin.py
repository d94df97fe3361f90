from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from weerbaar.areas.models import (
    AddressPoint,
    Area,
    HouseholdCount,
    PopulationCount,
    PostcodePoint,
    PostcodeRange,
    Region,
)
from weerbaar.core.admin import ReferenceAdmin


@admin.register(Area)
class AreaAdmin(ReferenceAdmin):
    """Areas come from the open-data import; administrators look, they do not edit."""

    list_display = ["code", "name", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "valid_to"]
    search_fields = ["code", "name"]
    readonly_fields = [
        "code",
        "name",
        "level",
        "parent",
        "valid_from",
        "valid_to",
        "geometry_source",
        "source",
    ]
    exclude = ["geometry"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PopulationCount)
class PopulationCountAdmin(ReferenceAdmin):
    list_display = ["area", "year", "band", "count", "source"]
    list_filter = ["year", "band"]
    search_fields = ["area__code", "area__name"]
    list_select_related = ["area"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(HouseholdCount)
class HouseholdCountAdmin(PopulationCountAdmin):
    list_display = ["area", "year", "count", "source"]
    list_filter = ["year"]


@admin.register(Region)
class RegionAdmin(ReferenceAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ["name"]
    autocomplete_fields = ["members"]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "members":
            kwargs["queryset"] = Area.objects.current().filter(level="gemeente")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(PostcodeRange)
class PostcodeRangeAdmin(ReferenceAdmin):
    list_display = ["first", "last", "municipality_code", "source"]
    search_fields = ["municipality_code", "first"]


@admin.register(PostcodePoint)
class PostcodePointAdmin(ReferenceAdmin):
    """Loaded with ``weerbaar import postcodes``; shown so an administrator can check a
    point and its source."""

    list_display = ["pc4", "place", "municipality_code", "inside_municipality", "source"]
    list_filter = ["inside_municipality"]
    search_fields = ["pc4", "place", "municipality_code"]


@admin.register(AddressPoint)
class AddressPointAdmin(ReferenceAdmin):
    """Loaded with ``weerbaar import bag``."""

    list_display = ["postcode", "house_number", "house_letter", "house_addition", "street", "place"]
    search_fields = ["postcode", "street"]
