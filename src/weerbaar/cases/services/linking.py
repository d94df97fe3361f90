"""Links between signals and objects: proposed on arrival, decided by a handler."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, Max, Min, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services.audit import record
from weerbaar.cases.models import LinkState, SignalLink, Subject, SubjectKind
from weerbaar.cases.services import keys, subjects
from weerbaar.cases.services.matching import Candidate, Proposal, match
from weerbaar.core.locking import door

if TYPE_CHECKING:  # a type only: cases reads signals through their services
    from weerbaar.signals.models import Signal


def _where(signal: Signal) -> str:
    return signal.municipality.code if signal.municipality else keys.plain(signal.place)


def pand_block(number: int, letter: str, where: str) -> str:
    return f"pand|{number}|{letter.upper()}|{where}"


def candidates(signal: Signal) -> list[Candidate]:
    """The objects a signal names: its address, the business in its answers, its channel."""
    found: list[Candidate] = []
    where = _where(signal)
    if signal.house_number and (signal.postcode or (signal.street and where)):
        fields: dict[str, object] = {
            "street": signal.street,
            "house_number": signal.house_number,
            "house_letter": signal.house_letter,
            "house_addition": signal.house_addition,
            "postcode": signal.postcode,
            "place": signal.place,
        }
        if signal.postcode:
            key = keys.address_key(
                signal.postcode, signal.house_number, signal.house_letter, signal.house_addition
            )
        else:
            key = keys.street_key(
                signal.street,
                signal.house_number,
                signal.house_letter,
                signal.house_addition,
                where,
            )
        found.append(
            Candidate(
                SubjectKind.PAND,
                key,
                signal.address_line(),
                block=pand_block(signal.house_number, signal.house_letter, where) if where else "",
                name=keys.street(signal.street),
                fields=fields,
            )
        )
    answers = signal.answers or {}
    name = str(answers.get("bedrijfsnaam", "")).strip()
    kvk = str(answers.get("kvk", "")).replace(" ", "").replace(".", "")
    if keys.kvk_valid(kvk) or (name and where):
        key = keys.kvk_key(kvk) if keys.kvk_valid(kvk) else keys.business_name_key(name, where)
        found.append(
            Candidate(
                SubjectKind.BEDRIJF,
                key,
                name or f"KvK {kvk}",
                block=f"bedrijf|{where}" if where and name else "",
                name=keys.plain(name),
                fields={
                    "kvk": kvk if keys.kvk_valid(kvk) else "",
                    "trade_names": [name] if name else [],
                },
            )
        )
    if signal.online_platform and signal.online_handle:
        found.append(
            Candidate(
                SubjectKind.ONLINE,
                keys.online_key(signal.online_platform, signal.online_handle),
                f"{signal.get_online_platform_display()} {signal.online_handle}",
                fields={"platform": signal.online_platform, "handle": signal.online_handle},
            )
        )
    if not found:
        # Nothing more is known: the signal's own description is the object. The label
        # names the signal and never copies the reporter's text (retention removes that).
        found.append(
            Candidate(
                SubjectKind.OMSCHRIJVING,
                f"omschrijving:{signal.receipt}",
                _("Omschrijving in signaal %(code)s") % {"code": signal.receipt},
            )
        )
    return found


def _subject_for(proposal: Proposal, signal: Signal) -> tuple[Subject, bool]:
    place = subjects.Place(
        area=signal.area,
        municipality=signal.municipality,
        latitude=signal.latitude,
        longitude=signal.longitude,
    )
    return subjects.obtain_telling(
        proposal.candidate, place=place, existing_key=None if proposal.new else proposal.key
    )


def propose(signal: Signal) -> list[SignalLink]:
    """Proposed links for a new signal (one per object it names); idempotent."""
    catalogue = subjects.DatabaseCatalogue()
    links = []
    for candidate in candidates(signal):
        proposal = match(candidate, catalogue)
        subject, new = _subject_for(proposal, signal)
        reason = proposal.reason[:250]
        if new:  # made just now: no link to look for (a lookup and a savepoint a report)
            link = SignalLink.objects.create(
                signal=signal, subject=subject, score=proposal.score, reason=reason
            )
        else:
            link, _created = SignalLink.objects.get_or_create(
                signal=signal, subject=subject, defaults={"score": proposal.score, "reason": reason}
            )
        links.append(link)
    # A business named in a signal with an address: that address is one of its addresses.
    premises = [link.subject for link in links if link.subject.kind == SubjectKind.PAND]
    for link in links:
        if link.subject.kind == SubjectKind.BEDRIJF and premises:
            link.subject.addresses.add(*premises)
    return links


class LinkError(ValueError):
    pass


@door("link")
def decide(link: SignalLink, state: str, *, actor: Any) -> SignalLink:
    if state not in {LinkState.CONFIRMED, LinkState.REJECTED}:
        raise LinkError(_("Kies bevestigen of afwijzen."))
    link.state = state
    link.decided_by = actor
    link.decided_at = timezone.now()
    link.save(update_fields=["state", "decided_by", "decided_at"])
    record(AuditAction.CHANGE, actor=actor, obj=link)
    return link


def signals_about(subject: Subject, visible: QuerySet[Signal]) -> QuerySet[Signal]:
    """The signals (that the user may see) linked to an object, not rejected."""
    return (
        visible.filter(links__subject=subject).exclude(links__state=LinkState.REJECTED).distinct()
    )


def summary(subject: Subject, visible: QuerySet[Signal]) -> dict[str, Any]:
    facts = signals_about(subject, visible).aggregate(
        n=Count("id", distinct=True),
        sources=Count("source", distinct=True),
        first=Min("created_at"),
        last=Max("created_at"),
    )
    months = 0
    if facts["first"] and facts["last"]:
        months = max(1, round((facts["last"] - facts["first"]).days / 30.4))
    facts["months"] = months
    return facts
