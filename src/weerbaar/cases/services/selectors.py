"""The cases app's scoped readers. Views, the API, exports, the triage list and other apps
(the Bibob checks) read objects, links, cases and inspections only through these, always
with the acting user: what a reader may not see is not there for them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from weerbaar.accounts.models import Confidentiality
from weerbaar.accounts.services.access import scope_queryset
from weerbaar.cases.models import (
    Case,
    Finding,
    Inspection,
    InspectionStop,
    LinkState,
    Measure,
    SignalLink,
    StartLocation,
    Subject,
    SubjectOrigin,
    TriageDecision,
    Visit,
)
from weerbaar.cases.permissions import VIEW_CASE, VIEW_INSPECTION, VIEW_SUBJECT
from weerbaar.core.counting import Counts, per_area_year
from weerbaar.signals.services.selectors import (
    existing_signal_ids,
    hint_allowed,
    hinted_among,
    visible_signals,
)

SENSITIVE = Q(sensitive=True)
CONFIDENTIAL = ~Q(confidentiality=Confidentiality.NORMAAL)


def visible_subjects(user: Any) -> QuerySet[Subject]:
    """Objects in the register the user may see. Objects only a Bibob application knows
    are not in the register: its team sees them on the application."""
    return scope_queryset(
        user,
        VIEW_SUBJECT,
        Subject.objects.exclude(origin=SubjectOrigin.BIBOB),
        shared_lookup="links__signal__owner_organisation",
    )


def visible_cases(user: Any) -> QuerySet[Case]:
    return scope_queryset(
        user,
        VIEW_CASE,
        Case.objects.all(),
        area_lookup="subjects__area",
        owner_lookup="owner_organisation",
        shared_lookup="shares__organisation",
        restricted=SENSITIVE,
        named_lookup="named_users",
        owner_only=CONFIDENTIAL,
        ceiling_lookup="confidentiality",
    )


def visible_inspections(user: Any) -> QuerySet[Inspection]:
    return scope_queryset(
        user,
        VIEW_INSPECTION,
        Inspection.objects.all(),
        area_lookup="stops__subject__area",
        owner_lookup="organisation",
    )


def start_locations(user: Any) -> QuerySet[StartLocation]:
    """The stored start points of the user's own organisation, for planning a day."""
    organisation = getattr(user, "organisation", None)
    if organisation is None or not user.has_perm(VIEW_INSPECTION):
        return StartLocation.objects.none()
    return StartLocation.objects.filter(organisation=organisation)


def visible_links(user: Any) -> QuerySet[SignalLink]:
    """Links whose signal the user may see."""
    if not user.has_perm(VIEW_SUBJECT):
        return SignalLink.objects.none()
    return SignalLink.objects.filter(signal__in=visible_signals(user))


def visible_decisions(user: Any) -> QuerySet[TriageDecision]:
    """The meeting's decisions on objects the user may see."""
    return TriageDecision.objects.filter(subject__in=visible_subjects(user))


def finding_label(code: str) -> str:
    """The Dutch label of an inspection finding code."""
    return str(dict(Finding.choices).get(code, code))


def subjects_with_kvk(kvk: str) -> QuerySet[Subject]:
    """Objects registered under a KvK number (the business's other records)."""
    return Subject.objects.filter(kvk=kvk) if kvk else Subject.objects.none()


@dataclass
class Known:
    """What a reader may see about some objects, and whether more is held elsewhere that
    they may be pointed to (never what)."""

    rows: list[Any] = field(default_factory=list)
    hint: bool = False


def links_about(subjects: Iterable[Subject], user: Any) -> Known:
    """Signal links (not rejected) about ``subjects`` whose signal the user may see."""
    about = SignalLink.objects.filter(subject__in=list(subjects)).exclude(state=LinkState.REJECTED)
    shown = (
        about.filter(signal__in=visible_signals(user))
        .select_related("signal__category", "subject")
        .order_by("signal__created_at", "pk")
    )
    return Known(list(shown), hinted_among(about.values("signal_id"), user))


def cases_about(subjects: Iterable[Subject], user: Any) -> Known:
    """Cases about ``subjects`` that the user may see; a hint when others exist whose level
    allows one (a sensitive case is never hinted at)."""
    about = Case.objects.filter(subjects__in=list(subjects)).distinct()
    visible = visible_cases(user)
    shown = (
        about.filter(pk__in=visible.values("pk"))
        .select_related("owner_organisation")
        .order_by("created_at", "pk")
    )
    hidden = about.exclude(pk__in=visible.values("pk")).filter(sensitive=False)
    levels = hidden.values_list("confidentiality", flat=True).distinct()
    return Known(list(shown), any(hint_allowed(level) for level in levels))


def inspections_about(subjects: Iterable[Subject], user: Any) -> Known:
    """Visited inspection stops at ``subjects`` on inspection days the user may see."""
    about = InspectionStop.objects.filter(subject__in=list(subjects), visit__isnull=False)
    visible = visible_inspections(user)
    shown = (
        about.filter(inspection__in=visible)
        .select_related("inspection", "visit", "subject")
        .order_by("inspection__date", "pk")
    )
    hidden = about.exclude(inspection__in=visible).exists()
    return Known(list(shown), hint_allowed("normaal") and hidden)


def existing_records(records: set[str]) -> set[str]:
    """Which of ``records`` ("signals.signal:12", "cases.case:3", "cases.inspection:4")
    still exist: retention asks, so snapshots elsewhere can drop what is gone. Says
    nothing about their content."""
    ids: dict[str, set[int]] = {}
    for record in records:
        label, _, pk = record.partition(":")
        if pk.isdigit():
            ids.setdefault(label, set()).add(int(pk))
    kept: set[str] = set()
    readers = {
        "signals.signal": existing_signal_ids,
        "cases.case": lambda wanted: set(
            Case.objects.filter(pk__in=wanted).values_list("pk", flat=True)
        ),
        "cases.inspection": lambda wanted: set(
            Inspection.objects.filter(pk__in=wanted).values_list("pk", flat=True)
        ),
    }
    for label, wanted in ids.items():
        reader = readers.get(label)
        found = reader(wanted) if reader else wanted  # unknown kinds are left alone
        kept |= {f"{label}:{pk}" for pk in found}
    return kept


def activity_counts(codes: Sequence[str], years: Iterable[int]) -> dict[str, Counts]:
    """Per municipality and year, over every organisation (numbers only, for a progress
    report that suppresses small ones): cases opened about an object there, addresses
    visited on an inspection day, and measures taken after such a visit."""
    codes, years = list(codes), list(years)
    return {
        "cases": per_area_year(
            Case.objects.filter(subjects__municipality__code__in=codes),
            "subjects__municipality__code",
            "created_at",
            years,
        ),
        "visits": inspection_visits(codes, years),
        "measures": per_area_year(
            Measure.objects.filter(visit__stop__subject__municipality__code__in=codes),
            "visit__stop__subject__municipality__code",
            "created_at",
            years,
        ),
    }


def inspection_visits(codes: Sequence[str], years: Iterable[int]) -> Counts:
    """Addresses visited on inspection days, per municipality and year of the day: the
    enforcement-effort series Weerbaar itself can offer."""
    return per_area_year(
        Visit.objects.filter(stop__subject__municipality__code__in=list(codes)),
        "stop__subject__municipality__code",
        "stop__inspection__date",
        years,
    )
