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
