"""The back office's list: what a user may see, filtered and sorted on request."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from weerbaar.accounts.services.access import scope_queryset
from weerbaar.areas.models import Area, AreaLevel
from weerbaar.signals.models import OWNER_ONLY, Category, Channel, Signal, Source, Status
from weerbaar.signals.permissions import VIEW_SIGNAL

VIEW = VIEW_SIGNAL
SORTS = {
    "datum": "created_at",
    "status": "status",
    "categorie": "category__name",
    "gemeente": "municipality__name",
    "code": "receipt",
}
DEFAULT_SORT = "-datum"


def visible(user: Any) -> QuerySet[Signal]:
    """Every signal ``user`` may see (area, own organisation, or shared with it)."""
    return scope_queryset(
        user,
        VIEW,
        Signal.objects.all(),
        area_lookup="area",
        owner_lookup="owner_organisation",
        shared_lookup="shares__organisation",
        owner_only=OWNER_ONLY,
        ceiling_lookup="confidentiality",
    )


def municipality_options(user: Any) -> list[tuple[str, str]]:
    """(code, name) of the municipalities the user's visible signals lie in, for the
    list's filter: one index probe per municipality, where a DISTINCT read every signal."""
    seen = visible(user).filter(municipality=OuterRef("pk"))
    return list(
        Area.objects.filter(level=AreaLevel.GEMEENTE)
        .filter(Exists(seen))
        .order_by("name", "code")
        .values_list("code", "name")
        .distinct()
    )


@dataclass
class Filters:
    category: str = ""
    municipality: str = ""
    status: str = ""
    source: str = ""
    channel: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    outside: bool = False
    text: str = ""
    sort: str = DEFAULT_SORT
    errors: dict[str, str] = field(default_factory=dict)

    def as_query(self) -> dict[str, str]:
        """The active filters as query parameters (for links that keep them)."""
        values = {
            "categorie": self.category,
            "gemeente": self.municipality,
            "status": self.status,
            "bron": self.source,
            "kanaal": self.channel,
            "van": self.since.isoformat() if self.since else "",
            "tot": self.until.isoformat() if self.until else "",
            "buiten": "1" if self.outside else "",
            "zoek": self.text,
        }
        return {k: v for k, v in values.items() if v}


def _date(value: str, name: str, errors: dict[str, str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors[name] = _("Ongeldige datum; gebruik jjjj-mm-dd.")
        return None


def parse(query: QueryDict) -> Filters:
    errors: dict[str, str] = {}
    filters = Filters(
        category=query.get("categorie", ""),
        municipality=query.get("gemeente", "").upper(),
        status=query.get("status", ""),
        source=query.get("bron", ""),
        channel=query.get("kanaal", ""),
        since=_date(query.get("van", ""), "van", errors),
        until=_date(query.get("tot", ""), "tot", errors),
        outside=query.get("buiten") == "1",
        text=query.get("zoek", "").strip()[:100],
        sort=query.get("sorteer", DEFAULT_SORT),
    )
    if filters.status and filters.status not in Status.values:
        errors["status"] = _("Onbekende status.")
    if filters.source and filters.source not in Source.values:
        errors["bron"] = _("Onbekende bron.")
    if filters.channel and filters.channel not in Channel.values:
        errors["kanaal"] = _("Onbekend kanaal.")
    if filters.category and not Category.objects.filter(slug=filters.category).exists():
        errors["categorie"] = _("Onbekende categorie.")
    if filters.sort.lstrip("-") not in SORTS:
        filters.sort = DEFAULT_SORT
    if filters.since and filters.until and filters.since > filters.until:
        errors["tot"] = _("De einddatum ligt vóór de begindatum.")
    filters.errors = errors
    return filters


def apply(queryset: QuerySet[Signal], filters: Filters) -> QuerySet[Signal]:
    if filters.category and "categorie" not in filters.errors:
        queryset = queryset.filter(category__slug=filters.category)
    if filters.municipality:
        queryset = queryset.filter(municipality__code=filters.municipality)
    if filters.status and "status" not in filters.errors:
        queryset = queryset.filter(status=filters.status)
    if filters.source and "bron" not in filters.errors:
        queryset = queryset.filter(source=filters.source)
    if filters.channel and "kanaal" not in filters.errors:
        queryset = queryset.filter(channel=filters.channel)
    if filters.since:
        queryset = queryset.filter(created_at__date__gte=filters.since)
    if filters.until and "tot" not in filters.errors:
        queryset = queryset.filter(created_at__date__lte=filters.until)
    if filters.outside:
        queryset = queryset.filter(outside_region=True)
    if filters.text:
        queryset = queryset.filter(
            Q(receipt__icontains=filters.text) | Q(description__icontains=filters.text)
        )
    descending = filters.sort.startswith("-")
    column = SORTS[filters.sort.lstrip("-")]
    order = [f"-{column}" if descending else column, "-id" if descending else "id"]
    return queryset.select_related(
        "category", "municipality", "area", "owner_organisation"
    ).order_by(*order)
