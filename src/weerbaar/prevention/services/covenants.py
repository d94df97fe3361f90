"""The one door for school safety covenants: create or change one with its parties."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import structlog
from django.db import transaction

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.core.locking import lock
from weerbaar.prevention.models import Covenant, CovenantParty

log = structlog.get_logger(__name__)

#: The covenant's own fields, as the form names them (the parties are rows of their own).
FIELDS = ("title", "municipality", "signed_on", "review_on", "ends_on", "scope", "contact")


def save(
    covenant: Covenant | None,
    data: dict[str, Any],
    parties: Iterable[tuple[str, str]],
    *,
    actor: Any,
) -> Covenant:
    """Store the covenant and replace its parties, in one transaction; an existing one is
    locked first, so two officials saving at once cannot mix their parties."""
    with transaction.atomic():
        created = covenant is None
        if covenant is None:
            covenant = Covenant()
        else:
            lock(covenant)
        for name in FIELDS:
            setattr(covenant, name, data[name])
        covenant.save()
        covenant.parties.all().delete()
        CovenantParty.objects.bulk_create(
            CovenantParty(covenant=covenant, name=name, role=role) for name, role in parties
        )
        audit.record(
            AuditAction.CREATE if created else AuditAction.CHANGE, actor=actor, obj=covenant
        )
        covenant_id = covenant.pk
        transaction.on_commit(lambda: log.info("covenant_saved", covenant_id=covenant_id))
    return covenant
