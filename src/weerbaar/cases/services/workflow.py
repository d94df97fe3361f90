"""The one door through which cases open and change state, with their timeline.

States and allowed steps are the table below; each state has a deadline (days) that is
set when the case enters it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import AuditAction, Confidentiality, Organisation
from weerbaar.accounts.models.confidentiality import levels_up_to
from weerbaar.accounts.services.audit import record
from weerbaar.cases.models import Case, CaseEvent, CaseShare, CaseState, Subject
from weerbaar.core.locking import door

if TYPE_CHECKING:  # a type only: cases reads signals through their services
    from weerbaar.signals.models import Signal

S = CaseState
TRANSITIONS: dict[str, set[str]] = {
    S.INTAKE: {S.ONDERZOEK, S.GESLOTEN},
    S.ONDERZOEK: {S.CONTROLE_GEPLAND, S.MAATREGELEN, S.GESLOTEN},
    S.CONTROLE_GEPLAND: {S.ONDERZOEK, S.MAATREGELEN, S.NAZORG, S.GESLOTEN},
    S.MAATREGELEN: {S.NAZORG, S.GESLOTEN},
    S.NAZORG: {S.ONDERZOEK, S.GESLOTEN},
    S.GESLOTEN: {S.ONDERZOEK},
}
DEADLINE_DAYS: dict[str, int | None] = {
    S.INTAKE: 14,
    S.ONDERZOEK: 56,
    S.CONTROLE_GEPLAND: 28,
    S.MAATREGELEN: 42,
    S.NAZORG: 182,
    S.GESLOTEN: None,
}
REFERENCE_KEYS = ("politie", "riec", "mma")


class WorkflowError(ValueError):
    pass


def _deadline(state: str, today: dt.date) -> dt.date | None:
    days = DEADLINE_DAYS[state]
    return today + dt.timedelta(days=days) if days else None


@transaction.atomic
def open_case(
    title: str,
    *,
    actor: Any,
    subjects: Iterable[Subject] = (),
    signals: Iterable[Signal] = (),
    team: str = "",
    sensitive: bool = False,
    named_users: Iterable[Any] = (),
    confidentiality: str = Confidentiality.NORMAAL,
    references: dict[str, str] | None = None,
) -> Case:
    organisation = getattr(actor, "organisation", None)
    if organisation is None:
        raise WorkflowError(_("U hoort bij geen organisatie; een zaak heeft een eigenaar nodig."))
    if not title.strip():
        raise WorkflowError(_("Geef de zaak een titel."))
    if confidentiality not in levels_up_to(getattr(actor, "clearance", "")):
        raise WorkflowError(
            _("U kunt geen zaak openen met een vertrouwelijkheid die u zelf niet mag lezen.")
        )
    unknown = set(references or {}) - set(REFERENCE_KEYS)
    if unknown:
        raise WorkflowError(_("Onbekend kenmerk: %(k)s.") % {"k": ", ".join(sorted(unknown))})
    case = Case.objects.create(
        title=title.strip()[:200],
        owner_organisation=organisation,
        team=team.strip()[:120],
        sensitive=sensitive,
        confidentiality=confidentiality,
        partner_references={k: v.strip() for k, v in (references or {}).items() if v.strip()},
        deadline=_deadline(S.INTAKE, timezone.localdate()),
        created_by=actor,
    )
    case.subjects.set(list(subjects))
    case.signals.set(list(signals))
    named = set(named_users)
    if sensitive:
        named.add(actor)  # whoever opens a sensitive case can see it
    case.named_users.set(list(named))
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.CREATED, state_to=case.state, actor=actor
    )
    record(AuditAction.CREATE, actor=actor, obj=case)
    return case


@door("case")
def change_state(
    case: Case, to: str, *, actor: Any, note: str = "", confirmed: bool = False
) -> CaseEvent:
    if not to:
        raise WorkflowError(_("Kies eerst een fase."))
    if to not in TRANSITIONS.get(case.state, set()):
        label = CaseState(to).label if to in CaseState.values else to
        raise WorkflowError(
            _("Van '%(a)s' naar '%(b)s' is geen toegestane stap.")
            % {"a": CaseState(case.state).label, "b": label}
        )
    if to == S.GESLOTEN and not note.strip():
        raise WorkflowError(_("Schrijf bij het sluiten van de zaak waarom."))
    if to == S.GESLOTEN and not confirmed:
        raise WorkflowError(_("Bevestig dat u de zaak sluit."))
    event = CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.STATE,
        state_from=case.state,
        state_to=to,
        text=note.strip(),
        actor=actor,
    )
    case.state = to
    case.deadline = _deadline(to, timezone.localdate())
    case.save(update_fields=["state", "deadline"])
    record(AuditAction.CHANGE, actor=actor, obj=case)
    return event


@door("case")
def add_note(case: Case, text: str, *, actor: Any) -> CaseEvent:
    if not text.strip():
        raise WorkflowError(_("Schrijf eerst een tekst."))
    event = CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.NOTE, text=text.strip(), actor=actor
    )
    record(AuditAction.CHANGE, actor=actor, obj=case)
    return event


@door("case")
def share(
    case: Case,
    organisation: Organisation,
    *,
    summary: str,
    legal_basis: str,
    reviewed: bool,
    actor: Any,
) -> CaseShare:
    """Only the summary leaves, after the handler read the reveal check on it."""
    if case.sensitive:
        raise WorkflowError(_("Een gevoelige zaak wordt niet gedeeld."))
    if not reviewed:
        raise WorkflowError(
            _("Bevestig dat u de samenvatting hebt nagelezen op wat een melder kan verraden.")
        )
    if not summary.strip() or not legal_basis.strip():
        raise WorkflowError(_("Vul de samenvatting en de grondslag in."))
    if (
        organisation.pk == case.owner_organisation_id
        or case.shares.filter(organisation=organisation).exists()
    ):
        raise WorkflowError(_("Deze organisatie heeft de zaak al."))
    shared = CaseShare.objects.create(
        case=case,
        organisation=organisation,
        summary=summary.strip(),
        legal_basis=legal_basis.strip(),
        shared_by=actor,
    )
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.SHARED,
        text=_("Gedeeld met %(org)s (grondslag: %(basis)s)")
        % {"org": organisation.name, "basis": legal_basis.strip()},
        actor=actor,
    )
    record(AuditAction.EXPORT, actor=actor, obj=case)
    return shared
