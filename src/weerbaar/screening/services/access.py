"""Who sees an application: screening staff (permission) of the owning organisation who
are named on it. Every read of one is written to the audit log."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from weerbaar.accounts.services.access import may, scope_queryset
from weerbaar.accounts.services.audit import record_view
from weerbaar.screening.models import Application
from weerbaar.screening.permissions import ADD_APPLICATION, CHANGE_APPLICATION, VIEW_APPLICATION

VIEW = VIEW_APPLICATION
CHANGE = CHANGE_APPLICATION
ADD = ADD_APPLICATION


def visible(user: Any) -> QuerySet[Application]:
    return scope_queryset(
        user,
        VIEW,
        Application.objects.all(),
        area_lookup="municipality",
        owner_lookup="owner_organisation",
        owner_only=Q(pk__isnull=False),  # the area rule never opens an application
        restricted=Q(pk__isnull=False),  # and only the named team sees it
        named_lookup="team",
    )


def get(user: Any, pk: int, permission: str = VIEW) -> Application | None:
    """The application if ``user`` may see it (and has ``permission``); the read is audited."""
    application = (
        visible(user).filter(pk=pk).select_related("kind", "municipality", "premises").first()
    )
    if application is None or not may(user, permission, application):
        return None
    record_view(user, application)
    return application
