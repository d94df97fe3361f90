"""Reading organisations and users for the set-up commands (region-wide reference data,
shown to whoever runs ``weerbaar`` on the server)."""

from __future__ import annotations

from django.db.models import QuerySet

from weerbaar.accounts.models import Organisation, User


def organisations() -> QuerySet[Organisation]:
    return Organisation.objects.prefetch_related("areas").order_by("name")


def users() -> QuerySet[User]:
    return (
        User.objects.select_related("organisation")
        .prefetch_related("groups")
        .order_by("organisation__name", "username")
    )


def work_area_ids(organisation: Organisation | None) -> list[int]:
    """The areas an organisation was given as its work area (not what lies below them)."""
    if organisation is None:
        return []
    return list(organisation.areas.values_list("pk", flat=True))


def active_members(organisation: Organisation) -> QuerySet[User]:
    """The organisation's active users with their roles, for the training's due list."""
    return (
        User.objects.filter(organisation=organisation, is_active=True)
        .prefetch_related("groups")
        .order_by("last_name", "first_name", "username")
    )
