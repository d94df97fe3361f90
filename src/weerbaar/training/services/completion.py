"""Who is due: per official and requirement, the last completion and when it must be
done again (a refresher, like Moodle's recompletion). Reported per organisation and role,
never as a ranking of people: a coordinator sees who is due and since when, not scores."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.accounts.services.selectors import active_members
from weerbaar.training.models import Attempt, Requirement, TargetGroup

SOON_DAYS = 30

STATES = {
    "nooit": gettext_lazy("nog nooit gedaan"),
    "verlopen": gettext_lazy("opfrissen nodig"),
    "binnenkort": gettext_lazy("binnenkort opfrissen"),
    "geldig": gettext_lazy("op orde"),
}
DUE_STATES = {"nooit", "verlopen"}


def default_period() -> int:
    return int(getattr(settings, "WEERBAAR_TRAINING_REFRESH_DAYS", 365))


@dataclass(frozen=True)
class Status:
    user: Any
    target_group: str
    period_days: int
    last_done: dt.date | None
    due_on: dt.date | None
    state: str
    roles: tuple[str, ...]

    @property
    def is_due(self) -> bool:
        return self.state in DUE_STATES

    @property
    def state_label(self) -> str:
        return str(STATES[self.state])

    @property
    def target_group_label(self) -> str:
        return str(TargetGroup(self.target_group).label)


def state_of(
    last_done: dt.date | None, period_days: int, today: dt.date
) -> tuple[dt.date | None, str]:
    if last_done is None:
        return None, "nooit"
    due_on = last_done + dt.timedelta(days=period_days)
    if due_on <= today:
        return due_on, "verlopen"
    if due_on <= today + dt.timedelta(days=SOON_DAYS):
        return due_on, "binnenkort"
    return due_on, "geldig"


def last_completions(user_ids: Iterable[int]) -> dict[tuple[int, str], dt.date]:
    """Per official and target group the day of the latest completion."""
    latest: dict[tuple[int, str], dt.date] = {}
    rows = Attempt.objects.filter(
        user_id__in=list(user_ids), finished_at__isnull=False
    ).values_list("user_id", "scenario__target_group", "finished_at")
    for user_id, group, finished in rows:
        day = timezone.localdate(finished)
        key = (user_id, group)
        if key not in latest or day > latest[key]:
            latest[key] = day
    return latest


def requirements(organisation: Any) -> list[Requirement]:
    return list(
        Requirement.objects.filter(organisation=organisation, is_active=True).select_related("role")
    )


def statuses(
    organisation: Any, today: dt.date | None = None, members: Sequence[Any] | None = None
) -> list[Status]:
    """Every active official of ``organisation`` (or just ``members``) against every
    requirement that applies to them (a requirement for a role applies to the holders of
    that role)."""
    today = today or timezone.localdate()
    wanted = requirements(organisation)
    members = list(active_members(organisation)) if members is None else list(members)
    latest = last_completions(m.pk for m in members)
    found = []
    for member in members:
        role_ids = {g.pk for g in member.groups.all()}
        role_names = tuple(sorted(g.name for g in member.groups.all()))
        periods: dict[str, int] = {}
        for requirement in wanted:
            if requirement.role_id is None or requirement.role_id in role_ids:
                group = requirement.target_group
                periods[group] = min(
                    periods.get(group, requirement.refresh_days), requirement.refresh_days
                )
        for group, period in sorted(periods.items()):
            last = latest.get((member.pk, group))
            due_on, state = state_of(last, period, today)
            found.append(Status(member, group, period, last, due_on, state, role_names))
    return found


def own_statuses(user: Any, today: dt.date | None = None) -> dict[str, Status]:
    """The learner's own standing per target group: what their organisation asks, and for
    every other group they did, when a refresher is advised (the default period)."""
    today = today or timezone.localdate()
    organisation = getattr(user, "organisation", None)
    mine = (
        {s.target_group: s for s in statuses(organisation, today, [user])}
        if organisation and user.is_active
        else {}
    )
    for (_user, group), last in last_completions([user.pk]).items():
        if group not in mine:
            due_on, state = state_of(last, default_period(), today)
            mine[group] = Status(user, group, default_period(), last, due_on, state, ())
    return mine


@dataclass(frozen=True)
class SummaryRow:
    role: str
    target_group: str
    officials: int
    in_order: int
    due: int

    @property
    def percentage(self) -> int:
        return round(100 * self.in_order / self.officials) if self.officials else 0

    @property
    def target_group_label(self) -> str:
        return str(TargetGroup(self.target_group).label)


def summary(found: Sequence[Status]) -> list[SummaryRow]:
    """Per role and target group: how many officials, how many in order (done and not
    expired), how many due. An official with two roles counts under both."""
    cells: dict[tuple[str, str], list[Status]] = defaultdict(list)
    for status in found:
        for role in status.roles or (_("(geen rol)"),):
            cells[(role, status.target_group)].append(status)
    return [
        SummaryRow(
            role,
            group,
            len(items),
            sum(not s.is_due for s in items),
            sum(s.is_due for s in items),
        )
        for (role, group), items in sorted(cells.items())
    ]


EXPORT_HEADER = [
    "organisatie",
    "medewerker",
    "gebruikersnaam",
    "rollen",
    "doelgroep",
    "laatst afgerond",
    "opnieuw vóór",
    "status",
    "opfrissen na (dagen)",
    "eerdere keren afgerond",
]


def export_rows(organisation: Any, found: Sequence[Status], actor: Any) -> list[list[Any]]:
    """The organisation's completion as evidence (BIO2 5.04.01): per official and target
    group the dates, not the scores. The export is audited with the officials it names."""
    history: dict[tuple[int, str], int] = defaultdict(int)
    for user_id, group in Attempt.objects.filter(
        user_id__in=[s.user.pk for s in found], finished_at__isnull=False
    ).values_list("user_id", "scenario__target_group"):
        history[(user_id, group)] += 1
    rows = [
        [
            organisation.name,
            s.user.get_full_name() or s.user.username,
            s.user.username,
            ", ".join(s.roles),
            s.target_group_label,
            s.last_done.isoformat() if s.last_done else "",
            s.due_on.isoformat() if s.due_on else "",
            s.state_label,
            s.period_days,
            max(history[(s.user.pk, s.target_group)] - 1, 0),
        ]
        for s in found
    ]
    audit.record(
        AuditAction.EXPORT,
        actor=actor,
        object_type="accounts.user",
        object_ids=sorted({s.user.pk for s in found}),
        organisation=organisation,
    )
    return rows


class RequirementError(ValueError):
    pass


@transaction.atomic
def set_requirement(
    actor: Any, organisation: Any, target_group: str, role: Any, refresh_days: int
) -> Requirement:
    """The one door for requirements: one active per organisation, role and target group;
    a new period replaces the old requirement (kept, switched off) so the change shows."""
    if target_group not in TargetGroup.values:
        raise RequirementError(_("Kies een doelgroep uit de lijst."))
    if not 30 <= refresh_days <= 1825:
        raise RequirementError(_("Kies een periode tussen 30 en 1825 dagen."))
    existing = (
        Requirement.objects.select_for_update()
        .filter(organisation=organisation, target_group=target_group, role=role, is_active=True)
        .first()
    )
    if existing is not None:
        if existing.refresh_days == refresh_days:
            return existing
        existing.is_active = False
        existing.save(update_fields=["is_active"])
    created = Requirement.objects.create(
        organisation=organisation,
        target_group=target_group,
        role=role,
        refresh_days=refresh_days,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit.record(AuditAction.CREATE, actor=actor, obj=created, organisation=organisation)
    return created


@transaction.atomic
def end_requirement(actor: Any, organisation: Any, pk: int) -> None:
    requirement = (
        Requirement.objects.select_for_update()
        .filter(pk=pk, organisation=organisation, is_active=True)
        .first()
    )
    if requirement is None:
        raise RequirementError(_("Deze verplichting bestaat niet (meer)."))
    requirement.is_active = False
    requirement.save(update_fields=["is_active"])
    audit.record(AuditAction.CHANGE, actor=actor, obj=requirement, organisation=organisation)
