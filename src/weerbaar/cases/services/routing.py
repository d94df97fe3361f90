"""Proposes the organisation that handles a signal: the first active rule (by order) whose
category and area fit. A proposal only; the handler decides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from weerbaar.areas.models import Area
from weerbaar.areas.services.selectors import ancestors
from weerbaar.cases.models import RoutingRule
from weerbaar.signals.services.selectors import category_pk

if TYPE_CHECKING:  # a type only: cases reads signals through their services
    from weerbaar.signals.models import Signal


@dataclass(frozen=True)
class Route:
    rule: RoutingRule
    reason: str


def _areas_of(signal: Signal) -> set[int]:
    area: Area | None = signal.area or signal.municipality
    if area is None:
        return set()
    return {area.pk, *(a.pk for a in ancestors(area))}


def _first(category_id: int | None, places: set[int]) -> Route | None:
    rules = RoutingRule.objects.filter(is_active=True).select_related(
        "category", "area", "organisation"
    )
    for rule in rules.order_by("order", "pk"):
        if rule.category_id and rule.category_id != category_id:
            continue
        if rule.area_id and rule.area_id not in places:
            continue
        what = rule.category.label if rule.category else "elke categorie"
        where = rule.area.name if rule.area else "overal"
        return Route(rule, f"regel {rule.order}: {what}, {where}")
    return None


def propose(signal: Signal) -> Route | None:
    return _first(signal.category_id, _areas_of(signal))


def handler_for(category_slug: str, area_ids: Iterable[int]) -> str | None:
    """The organisation a signal of this category in these areas would go to, with the
    rule that says so; for the training, which tells officials where their signal lands.
    The category by its code: callers outside the signals app know no model ids."""
    places = set(area_ids)
    for area in Area.objects.filter(pk__in=list(places)):
        places.update(a.pk for a in ancestors(area))
    route = _first(category_pk(category_slug), places)
    if route is None:
        return None
    return f"{route.rule.organisation.name} ({route.reason})"
