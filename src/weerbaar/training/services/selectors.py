"""The training app's scoped readers. An attempt (answers, scores) is its learner's own:
nobody else reads it, not a coordinator and not an administrator. A coordinator reads
their own organisation's completion dates through ``completion``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from weerbaar.accounts.services.access import may
from weerbaar.accounts.services.selectors import organisations
from weerbaar.training.models import Attempt
from weerbaar.training.permissions import VIEW_COMPLETION


def own_attempts(user: Any) -> QuerySet[Attempt]:
    if not getattr(user, "is_authenticated", False):
        return Attempt.objects.none()
    return Attempt.objects.filter(user=user).select_related("scenario")


def own_attempt(user: Any, pk: int) -> Attempt | None:
    return own_attempts(user).filter(pk=pk).first()


def coordinated_organisations(user: Any) -> list[Any]:
    """The organisations whose completion ``user`` may see: their own; every one for a
    superuser (who picks one)."""
    if not may(user, VIEW_COMPLETION):
        return []
    if user.is_superuser:
        return list(organisations().filter(is_active=True))
    organisation = getattr(user, "organisation", None)
    return [organisation] if organisation is not None and organisation.is_active else []
