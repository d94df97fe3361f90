"""The one place that answers "may this user see or change this object?".

A user may act on an object when (1) one of their roles grants the permission and
(2) the object lies in their organisation's area (the covered areas and everything
below them) or belongs to their organisation. Superusers pass both checks. Every later
app calls ``may`` for single objects and ``scope_queryset`` for lists, so the rule is
decided here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, TypeVar, runtime_checkable

from django.db.models import Model, Q, QuerySet

from weerbaar.accounts.models import Organisation
from weerbaar.areas.models import Area

_CACHE_ATTRIBUTE = "_weerbaar_covered_area_ids"
M = TypeVar("M", bound=Model)


@runtime_checkable
class Scoped(Protocol):
    """An object with a place: the ids of the areas it is about."""

    def scope_area_ids(self) -> Iterable[int]: ...


def covered_area_ids(organisation: Organisation | None) -> frozenset[int]:
    """The organisation's areas and all areas below them (municipality -> districts -> ...)."""
    if organisation is None or not organisation.is_active:
        return frozenset()
    covered = set(organisation.areas.values_list("pk", flat=True))
    frontier = set(covered)
    while frontier:
        children = set(Area.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier = children - covered
        covered |= frontier
    return frozenset(covered)


def _user_covered_area_ids(user: Any) -> frozenset[int]:
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = covered_area_ids(getattr(user, "organisation", None))
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def may(user: Any, permission: str, obj: object | None = None) -> bool:
    """Whether ``user`` holds ``permission`` (e.g. "signals.view_signal") for ``obj``."""
    if not _active(user) or not user.has_perm(permission):
        return False
    if user.is_superuser or obj is None:
        return True
    organisation = getattr(user, "organisation", None)
    if organisation is None or not organisation.is_active:
        return False
    owner_id = getattr(obj, "owner_organisation_id", None)
    if owner_id is not None and owner_id == organisation.pk:
        return True
    if isinstance(obj, Scoped):
        return not _user_covered_area_ids(user).isdisjoint(obj.scope_area_ids())
    return False


def may_view(user: Any, obj: Model) -> bool:
    return may(user, f"{obj._meta.app_label}.view_{obj._meta.model_name}", obj)


def may_change(user: Any, obj: Model) -> bool:
    return may(user, f"{obj._meta.app_label}.change_{obj._meta.model_name}", obj)


def scope_queryset(
    user: Any,
    permission: str,
    queryset: QuerySet[M],
    *,
    area_lookup: str = "area",
    owner_lookup: str | None = None,
) -> QuerySet[M]:
    """``queryset`` narrowed to what ``user`` may see under ``permission``."""
    if not _active(user) or not user.has_perm(permission):
        return queryset.none()
    if user.is_superuser:
        return queryset
    organisation = getattr(user, "organisation", None)
    if organisation is None or not organisation.is_active:
        return queryset.none()
    condition = Q(**{f"{area_lookup}__in": _user_covered_area_ids(user)})
    if owner_lookup:
        condition |= Q(**{owner_lookup: organisation})
    return queryset.filter(condition).distinct()
