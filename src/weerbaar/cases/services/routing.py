"""Proposes the organisation that handles a signal: the first active rule (by order) whose
category and area fit. A proposal only; the handler decides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from weerbaar.areas.models import Area
from weerbaar.areas.services.selectors import ancestors
from weerbaar.cases.models import RoutingRule

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


def propose(signal: Signal) -> Route | None:
    places = _areas_of(signal)
    rules = RoutingRule.objects.filter(is_active=True).select_related(
        "category", "area", "organisation"
    )
    for rule in rules.order_by("order", "pk"):
        if rule.category_id and rule.category_id != signal.category_id:
            continue
        if rule.area_id and rule.area_id not in places:
            continue
        what = rule.category.label if rule.category else "elke categorie"
        where = rule.area.name if rule.area else "overal"
        return Route(rule, f"regel {rule.order}: {what}, {where}")
    return None
