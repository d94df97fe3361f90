"""The prevention app's scoped readers: bus requests, tour plans and covenants, always read
with the acting user (pages, exports and the admin alike)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from weerbaar.accounts.services.access import scope_queryset
from weerbaar.prevention.models import BusRequest, Covenant, TourPlan
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
