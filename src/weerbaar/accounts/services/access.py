"""The one place that answers "may this user see or change this object?".

A user may act on an object when (1) one of their roles grants the permission and
(2) the object lies in their organisation's area (the covered areas and everything
below them), belongs to their organisation, or was shared with it (read-only). An object
with ``restricted_user_ids()`` (a sensitive case) is seen only by the users it names. An object marked
``owner_only`` (e.g. a very confidential signal) skips the area rule: only its owner
organisation and those it was shared with see it. Superusers pass both checks. Every later
app calls ``may`` for single objects and ``scope_queryset`` for lists, so the rule is
decided here and nowhere else.

Two more rules sit on top, for every reader. The kind of organisation decides which records
its area opens (``policy``): a partner such as the police sees signals and cases only when
they were shared with it. And a record's confidentiality level is a ceiling: a record above
the user's clearance is not there for them, superusers included.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, TypeVar, runtime_checkable

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q, QuerySet

from weerbaar.accounts.models import Organisation
from weerbaar.accounts.models.confidentiality import levels_up_to
from weerbaar.accounts.services import policy
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


def _record(obj: object) -> str:
    """The record type ("app.model") the need-to-know table is keyed on."""
    meta = getattr(obj, "_meta", None)
    return meta.label_lower if meta is not None else type(obj).__name__.lower()


def may_administer(user: Any) -> bool:
    """Superusers, and staff marked as functional administrator of an organisation: who
    reaches /admin/ and the login monitor."""
    if not (getattr(user, "is_active", False) and getattr(user, "is_staff", False)):
        return False
    return bool(user.is_superuser or getattr(user, "is_functional_admin", False))


def within_clearance(user: Any, obj: object) -> bool:
    """Whether ``obj``'s confidentiality level (if it has one) is within the user's
    clearance: the ceiling that no role, area or share lifts."""
    level = getattr(obj, "confidentiality", None)
    if not level:
        return True
    return level in levels_up_to(getattr(user, "clearance", ""))


def _route(user: Any, obj: object) -> str | None:
    """How an active user with the permission reaches ``obj``: "all", "owner", "area",
    "shared", or None when they do not."""
    if not within_clearance(user, obj):
        return None
    restricted_to = getattr(obj, "restricted_user_ids", None)
    if callable(restricted_to):
        named = restricted_to()
        if named is not None and user.pk not in named:
            return None  # e.g. a sensitive case: only the named users, not even admins
    if user.is_superuser:
        return "all"
    organisation = getattr(user, "organisation", None)
    if organisation is None or not organisation.is_active:
        return None
    owner_id = getattr(obj, "owner_organisation_id", None)
    if owner_id is not None and owner_id == organisation.pk:
        return "owner"
    if (
        not getattr(obj, "owner_only", False)
        and policy.area_opens(organisation.kind, _record(obj))
        and isinstance(obj, Scoped)
        and not _user_covered_area_ids(user).isdisjoint(obj.scope_area_ids())
    ):
        return "area"
    shared_with = getattr(obj, "shared_organisation_ids", None)
    if callable(shared_with) and organisation.pk in set(shared_with()):
        return "shared"
    return None


def may(user: Any, permission: str, obj: object | None = None) -> bool:
    """Whether ``user`` holds ``permission`` (e.g. "signals.view_signal") for ``obj``."""
    if not _active(user) or not user.has_perm(permission):
        return False
    if obj is None:
        return True
    route = _route(user, obj)
    if route == "shared":
        # What was shared with an organisation is theirs to read, not to change.
        return permission.split(".", 1)[-1].startswith("view_")
    return route is not None


def only_through_share(user: Any, obj: object) -> bool:
    """True when ``user`` sees ``obj`` only because it was shared with their organisation:
    then they get the shared version, not the whole record."""
    return _active(user) and _route(user, obj) == "shared"


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
    shared_lookup: str | None = None,
    owner_only: Q | None = None,
    restricted: Q | None = None,
    named_lookup: str | None = None,
    ceiling_lookup: str | None = None,
) -> QuerySet[M]:
    """``queryset`` narrowed to what ``user`` may see under ``permission``.

    ``owner_only`` marks rows the area rule does not open (the same rule as ``may``);
    ``restricted`` rows are visible only to the users found through ``named_lookup``;
    ``ceiling_lookup`` names the rows' confidentiality level, kept within the clearance.
    """
    if not _active(user) or not user.has_perm(permission):
        return queryset.none()
    if ceiling_lookup:
        levels = levels_up_to(getattr(user, "clearance", ""))
        queryset = queryset.filter(**{f"{ceiling_lookup}__in": levels})
    if restricted is not None and named_lookup:
        named = queryset.model._default_manager.filter(restricted, **{named_lookup: user})
        queryset = queryset.filter(~restricted | Q(pk__in=named.values("pk")))
    if user.is_superuser:
        return queryset
    organisation = getattr(user, "organisation", None)
    if organisation is None or not organisation.is_active:
        return queryset.none()
    model = queryset.model
    if policy.area_opens(organisation.kind, model._meta.label_lower):
        condition = _condition(model, f"{area_lookup}__in", _user_covered_area_ids(user))
        if owner_only is not None:
            condition &= ~owner_only
    else:
        condition = Q(pk__in=[])  # a partner: the area opens nothing here
    if owner_lookup:
        condition |= _condition(model, owner_lookup, organisation)
    if shared_lookup:
        condition |= _condition(model, shared_lookup, organisation)
    return queryset.filter(condition)


def _condition(model: type[Model], lookup: str, value: Any) -> Q:
    """``lookup=value`` as a filter that never repeats a row: across a to-many relation
    (shares, links) as ``pk IN (subquery)``. A join there made every scoped list need
    DISTINCT over all its columns, which cost 450 ms per page count at 100,000 signals."""
    if not _crosses_many(model, lookup):
        return Q(**{lookup: value})
    return Q(pk__in=model._default_manager.filter(**{lookup: value}).values("pk"))


def _crosses_many(model: type[Model], lookup: str) -> bool:
    current: Any = model
    for part in lookup.split("__"):
        try:
            field = current._meta.get_field(part)
        except FieldDoesNotExist:  # a lookup such as "in" ends the path
            return False
        if field.many_to_many or field.one_to_many:
            return True
        if not field.is_relation:
            return False
        current = field.related_model
    return False
