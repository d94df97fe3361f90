"""The one door that creates objects (premises, businesses, online accounts, descriptions).

Signals, cases, inspections and Bibob screening all meet the same real-world thing here,
so a check on one application finds what a signal said about the same business. An object
is looked up by its normalised key, then (a business) by its KvK number or one of its trade
names, and only then created; whatever the caller knows that the object lacks (a trade
name, a KvK number) is added to it.

An object that only a Bibob application knows is marked ``origin=bibob``: it is visible to
the application's team on the application, not in the objects register, until a signal or
a case names it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import structlog
from django.db import IntegrityError, transaction
from django.db.models import Q

from weerbaar.areas.models import Area
from weerbaar.areas.services.postcodes import normalise_postcode
from weerbaar.cases.models import Subject, SubjectKind, SubjectOrigin
from weerbaar.cases.services import keys
from weerbaar.cases.services.matching import Candidate, match

log = structlog.get_logger(__name__)

# Other apps name objects through this door, not through the models.
__all__ = ["Place", "Subject", "SubjectOrigin", "business", "obtain", "premises"]


@dataclass(frozen=True)
class Place:
    """Where the caller says the object is."""

    area: Area | None = None
    municipality: Area | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None


class DatabaseCatalogue:
    def exists(self, key: str) -> bool:
        return Subject.objects.filter(key=key).exists()

    def block(self, block: str) -> dict[str, str]:
        kind, *rest = block.split("|")
        if kind == "pand":
            number, letter, where = rest
            rows = Subject.objects.filter(
                kind=SubjectKind.PAND, house_number=int(number), house_letter=letter
            )
            rows = (
                rows.filter(municipality__code=where)
                if where.startswith("GM")
                else rows.filter(place__iexact=where)
            )
            return {
                key: keys.street(street)
                for key, street in rows.values_list("key", "street")
                if street
            }
        if kind == "bedrijf":
            (where,) = rest
            result: dict[str, str] = {}
            for key, names in Subject.objects.filter(
                kind=SubjectKind.BEDRIJF, municipality__code=where
            ).values_list("key", "trade_names"):
                for trade_name in names or []:
                    result[key] = keys.plain(str(trade_name))
            return result
        return {}


def _business_by_identity(kvk: str, names: list[str], where: str) -> Subject | None:
    """An existing business with this KvK number, or (in this municipality) this trade
    name, exactly or within the matcher's threshold."""
    if keys.kvk_valid(kvk):
        found = Subject.objects.filter(Q(key=keys.kvk_key(kvk)) | Q(kvk=kvk)).first()
        if found is not None:
            return found
    for name in names:
        if not (name and where):
            continue
        candidate = Candidate(
            SubjectKind.BEDRIJF,
            keys.business_name_key(name, where),
            name,
            block=f"bedrijf|{where}",
            name=keys.plain(name),
        )
        proposal = match(candidate, DatabaseCatalogue())
        if not proposal.new:
            return Subject.objects.filter(key=proposal.key).first()
    return None


def _trade_names(fields: dict[str, object]) -> list[str]:
    raw: Any = fields.get("trade_names") or []
    return [str(name) for name in raw if name]


def _complete(subject: Subject, fields: dict[str, object], origin: str) -> Subject:
    """Add what the caller knows and the object lacks; never overwrite what it has."""
    changed: list[str] = []
    names = _trade_names(fields)
    known = {keys.plain(str(n)) for n in subject.trade_names or []}
    new_names = [n for n in names if keys.plain(n) not in known]
    if new_names:
        subject.trade_names = [*(subject.trade_names or []), *new_names]
        changed.append("trade_names")
    kvk = str(fields.get("kvk") or "")
    if kvk and not subject.kvk:
        subject.kvk = kvk
        changed.append("kvk")
    if subject.origin == SubjectOrigin.BIBOB and origin != SubjectOrigin.BIBOB:
        subject.origin = origin  # now another context knows it too: a regular object
        changed.append("origin")
    if changed:
        subject.save(update_fields=changed)
    return subject


def obtain(
    candidate: Candidate,
    *,
    place: Place,
    existing_key: str | None = None,
    origin: str = SubjectOrigin.REGISTER,
) -> Subject:
    """The object ``candidate`` describes: found (by ``existing_key``, its own key or, for
    a business, its KvK number or a trade name) or created, and completed either way."""
    return obtain_telling(candidate, place=place, existing_key=existing_key, origin=origin)[0]


def obtain_telling(
    candidate: Candidate,
    *,
    place: Place,
    existing_key: str | None = None,
    origin: str = SubjectOrigin.REGISTER,
) -> tuple[Subject, bool]:
    """``obtain``, and whether the object was made just now (then nothing links to it yet)."""
    fields = dict(candidate.fields)
    subject = Subject.objects.filter(key=existing_key or candidate.key).first()
    if subject is None and candidate.kind == SubjectKind.BEDRIJF:
        where = place.municipality.code if place.municipality else ""
        subject = _business_by_identity(str(fields.get("kvk") or ""), _trade_names(fields), where)
    if subject is not None:
        return _complete(subject, fields, origin), False
    if candidate.kind == SubjectKind.PAND:
        fields["postcode"] = fields.get("postcode") or ""
    try:
        with transaction.atomic():
            subject = Subject.objects.create(
                kind=candidate.kind,
                key=candidate.key,
                label=candidate.label[:250],
                area=place.area,
                municipality=place.municipality,
                latitude=place.latitude,
                longitude=place.longitude,
                origin=origin,
                **fields,
            )
    except IntegrityError:  # created meanwhile by a concurrent caller
        return _complete(Subject.objects.get(key=candidate.key), fields, origin), False
    log.info("subject_created", subject_id=subject.pk, kind=subject.kind, origin=origin)
    return subject, True


def premises(
    *,
    street: str,
    house_number: str,
    postcode: str,
    place_name: str,
    municipality: Area,
    origin: str,
) -> Subject:
    """A premises by its address as typed on a form (number with letter and addition)."""
    number = keys.house_number(house_number)
    if number is None:
        raise keys.InvalidKey("Geen geldig huisnummer.")
    code = normalise_postcode(postcode) or ""
    suffix = f"{number[1]}{'-' + number[2] if number[2] else ''}"
    candidate = Candidate(
        SubjectKind.PAND,
        keys.address_key(postcode, *number),
        f"{street} {number[0]}{suffix}, {place_name}"[:250],
        fields={
            "street": street,
            "house_number": number[0],
            "house_letter": number[1],
            "house_addition": number[2],
            "postcode": code,
            "place": place_name,
        },
    )
    return obtain(
        candidate, place=Place(area=municipality, municipality=municipality), origin=origin
    )


def business(
    *, kvk: str, name: str, municipality: Area, address: Subject | None, origin: str
) -> Subject:
    """A business by KvK number and trade name; its premises become one of its addresses."""
    candidate = Candidate(
        SubjectKind.BEDRIJF,
        keys.kvk_key(kvk)
        if keys.kvk_valid(kvk)
        else keys.business_name_key(name, municipality.code),
        name[:250] or f"KvK {kvk}",
        fields={"kvk": kvk if keys.kvk_valid(kvk) else "", "trade_names": [name] if name else []},
    )
    subject = obtain(
        candidate, place=Place(area=municipality, municipality=municipality), origin=origin
    )
    if address is not None:
        subject.addresses.add(address)
    return subject
