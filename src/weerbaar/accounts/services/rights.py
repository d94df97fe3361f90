"""The quarterly review of privileged rights (BIO2): who holds which rights now and what
changed since the last review, so an officer can confirm every one of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone

from weerbaar.accounts.models import RightsReport, User


def _rights(user: User) -> dict[str, Any]:
    return {
        "organisatie": user.organisation.name if user.organisation else "",
        "actief": user.is_active,
        "superuser": user.is_superuser,
        "functioneel beheerder": user.is_functional_admin,
        "medewerker": user.is_staff,
        "vertrouwelijkheid": user.clearance,
        "rollen": sorted(group.name for group in user.groups.all()),
        "eigen rechten": sorted(
            f"{p.content_type.app_label}.{p.codename}" for p in user.user_permissions.all()
        ),
    }


def holders() -> dict[str, dict[str, Any]]:
    """Every account with more than an ordinary login, by user name."""
    privileged = (
        User.objects.filter(
            Q(is_superuser=True)
            | Q(is_staff=True)
            | Q(is_functional_admin=True)
            | Q(groups__isnull=False)
            | Q(user_permissions__isnull=False)
        )
        .distinct()
        .select_related("organisation")
        .prefetch_related("groups", "user_permissions__content_type")
        .order_by("username")
    )
    return {user.username: _rights(user) for user in privileged}


@dataclass
class Review:
    since: RightsReport | None
    report: RightsReport
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)


def _differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    lines = []
    for key in after:
        if before.get(key) != after[key]:
            lines.append(f"{key}: {before.get(key)!r} → {after[key]!r}")
    return lines


def review() -> Review:
    """Take today's snapshot, keep it, and compare it with the previous one."""
    previous = RightsReport.objects.order_by("-created").first()
    report = RightsReport.objects.create(created=timezone.now(), holders=holders())
    before = previous.holders if previous else {}
    result = Review(since=previous, report=report)
    result.added = sorted(set(report.holders) - set(before))
    result.removed = sorted(set(before) - set(report.holders))
    for name in sorted(set(before) & set(report.holders)):
        lines = _differences(before[name], report.holders[name])
        if lines:
            result.changed[name] = lines
    return result
