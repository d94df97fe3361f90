"""The prevention app's scoped readers: bus requests, tour plans and covenants, always read
with the acting user (pages, exports and the admin alike)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Q, QuerySet

from weerbaar.accounts.services.access import scope_queryset
from weerbaar.core.counting import Counts, per_area_year
from weerbaar.prevention.models import BusRequest, Covenant, PlanState, TourPlan, TourStop
from weerbaar.prevention.permissions import VIEW_COVENANT, VIEW_PLAN, VIEW_REQUEST


def visible_requests(user: Any) -> QuerySet[BusRequest]:
    return scope_queryset(user, VIEW_REQUEST, BusRequest.objects.all(), area_lookup="municipality")


def visible_plans(user: Any) -> QuerySet[TourPlan]:
    return scope_queryset(
        user,
        VIEW_PLAN,
        TourPlan.objects.all(),
        area_lookup="stops__request__municipality",
        owner_lookup="organisation",
    )


def visible_covenants(user: Any) -> QuerySet[Covenant]:
    return scope_queryset(user, VIEW_COVENANT, Covenant.objects.all(), area_lookup="municipality")


def activity_counts(codes: Sequence[str], years: Iterable[int]) -> dict[str, Counts]:
    """Per municipality and year, numbers only (for a progress report): camper-bus visits
    in a published tour plan, and school-safety covenants in force at some time that year."""
    codes, years = list(codes), sorted(set(years))
    # a replaced plan's stops were superseded by its successor's: only the published plan
    visits = TourStop.objects.filter(
        plan__state=PlanState.PUBLISHED, request__municipality__code__in=codes
    )
    covenants: Counts = {}
    for year in years:
        in_force = Covenant.objects.filter(
            municipality__code__in=codes, signed_on__lte=dt.date(year, 12, 31)
        ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=dt.date(year, 1, 1)))
        for code in in_force.values_list("municipality__code", flat=True):
            covenants[(code, year)] = covenants.get((code, year), 0) + 1
    return {
        "bus_visits": per_area_year(visits, "request__municipality__code", "date", years),
        "covenants": covenants,
    }
