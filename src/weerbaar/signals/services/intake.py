"""Taking in a new signal: one transaction for the signal, its attachments and its first
history line, so a receipt is only ever shown for something that is fully stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import structlog
from django.db import IntegrityError, transaction
from django.db.models import Q

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services.audit import record
from weerbaar.areas.models import Area
from weerbaar.areas.services import geocoding, postcodes
from weerbaar.core.images import CleanImage
from weerbaar.signals import events
from weerbaar.signals.models import (
    Attachment,
    Category,
    Channel,
    ChecklistIndicator,
    Confidentiality,
    EventKind,
    Signal,
    SignalEvent,
    Source,
)
from weerbaar.signals.services import categorise, location, receipts

log = structlog.get_logger(__name__)


DEFAULT_SOURCE: dict[str, str] = {
    Channel.PUBLIEK: Source.MELDER,
    Channel.AMBTENAAR: Source.EIGEN,
    Channel.PARTNER: Source.PARTNER,
}


@dataclass(frozen=True)
class LocationInput:
    kind: str
    street: str = ""
    house_number: int | None = None
    house_letter: str = ""
    house_addition: str = ""
    postcode: str = ""
    place: str = ""
    municipality: Area | None = None
    district: str = ""
    #: a district picked from the list: taken as it is
    area: Area | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    platform: str = ""
    handle: str = ""


@dataclass(frozen=True)
class IntakeInput:
    description: str
    location: LocationInput
    category: Category | None = None
    answers: dict[str, str] = field(default_factory=dict)
    occurred_on: dt.date | None = None
    occurred_note: str = ""
    images: list[CleanImage] = field(default_factory=list)
    indicators: list[ChecklistIndicator] = field(default_factory=list)
    source: str = ""
    source_reference: str = ""
    confidentiality: str = Confidentiality.NORMAAL


@dataclass(frozen=True)
class Receipt:
    signal: Signal
    secret: str | None
    duplicate: bool = False


def locate(data: LocationInput) -> Area | None:
    """The smallest area we can tell from what was given (see services.location)."""
    if data.latitude is not None and data.longitude is not None:
        return location.area_at(data.latitude, data.longitude)
    if data.area is not None:
        return data.area
    bag = geocoding.lookup(data.postcode, data.house_number, data.house_letter, data.house_addition)
    if bag is not None:  # the address itself is known: its neighbourhood, not just the town
        at = location.area_at(bag.position.latitude, bag.position.longitude)
        if at is not None:
            return at
    found = postcodes.table_area(data.postcode) if data.postcode else None
    if found is not None:
        return found
    municipality = (
        data.municipality
        or (postcodes.municipality_for(data.postcode) if data.postcode else None)
        or location.municipality_named(data.place)
    )
    if municipality is not None and data.district:
        child = (
            Area.objects.current()
            .filter(
                Q(code__startswith="WK" + municipality.code[2:])
                | Q(code__startswith="BU" + municipality.code[2:]),
                name__iexact=data.district,
            )
            .order_by("level")  # buurt before wijk would be odd: prefer the district
            .last()
        )
        if child is not None:
            return child
    return municipality


def _completed(data: IntakeInput) -> IntakeInput:
    """Street and place from the BAG extract where the reporter gave only postcode and
    house number (offline, like Signalen's address lookup)."""
    where = data.location
    if where.street and where.place:
        return data
    bag = geocoding.lookup(
        where.postcode, where.house_number, where.house_letter, where.house_addition
    )
    if bag is None:
        return data
    return replace(
        data,
        location=replace(where, street=where.street or bag.street, place=where.place or bag.place),
    )


def submit(
    data: IntakeInput,
    *,
    channel: str,
    user: Any = None,
    submission_key: str | None = None,
    first_in_transaction: Callable[[], None] | None = None,
) -> Receipt:
    """``first_in_transaction`` runs first inside the report's transaction (the rate-limit
    count: one commit for both), after the work that needs no write lock; what it raises
    stores nothing."""
    if submission_key:
        existing = Signal.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return Receipt(existing, None, duplicate=True)
    data = _completed(data)
    area = locate(data.location)
    placement = location.place(area)
    suggestion = categorise.suggest(data.description + " " + " ".join(data.answers.values()))
    suggested = (
        Category.objects.filter(slug=suggestion.slug, is_active=True).first()
        if suggestion
        else None
    )
    secret = receipts.new_secret() if channel == Channel.PUBLIEK else None
    organisation = getattr(user, "organisation", None) if user is not None else None
    official = channel != Channel.PUBLIEK
    for _attempt in range(5):
        signal = Signal(
            receipt=receipts.new_receipt(),
            secret_hash=receipts.hash_secret(secret) if secret else "",
            submission_key=submission_key or None,
            channel=channel,
            source=data.source or DEFAULT_SOURCE[channel],
            source_reference=data.source_reference if official else "",
            confidentiality=data.confidentiality if official else Confidentiality.NORMAAL,
            description=data.description,
            answers=data.answers,
            category=data.category if official else None,
            category_confirmed=official and data.category is not None,
            suggested_category=suggested if suggestion else None,
            suggestion_confidence=suggestion.confidence if suggestion and suggested else None,
            suggestion_terms=suggestion.terms if suggestion and suggested else [],
            location_kind=data.location.kind,
            street=data.location.street,
            house_number=data.location.house_number,
            house_letter=data.location.house_letter,
            house_addition=data.location.house_addition,
            postcode=data.location.postcode,
            place=data.location.place,
            latitude=data.location.latitude,
            longitude=data.location.longitude,
            online_platform=data.location.platform,
            online_handle=data.location.handle,
            area=placement.area,
            municipality=placement.municipality,
            outside_region=placement.outside_region,
            occurred_on=data.occurred_on,
            occurred_note=data.occurred_note,
            created_by=user if official else None,
            owner_organisation=organisation if official and organisation else placement.owner,
        )
        if not official and data.category is not None:
            # The reporter's own choice is a suggestion the handler confirms.
            signal.category = data.category
        try:
            _store(
                signal,
                data,
                user=user,
                organisation=organisation,
                official=official,
                first_in_transaction=first_in_transaction,
            )
        except IntegrityError:
            if submission_key and Signal.objects.filter(submission_key=submission_key).exists():
                existing = Signal.objects.get(submission_key=submission_key)
                return Receipt(existing, None, duplicate=True)
            continue  # receipt collision: draw another code
        # An anonymous report is logged without any code or id: beside the log's timestamp
        # it could be joined to a proxy's log of addresses. Officials' records carry their id.
        if official:
            log.info("signal_received", channel=channel, signal_id=signal.pk)
        else:
            log.info("signal_received", channel=channel)
        return Receipt(signal, secret)
    raise RuntimeError("Kon geen unieke ontvangstcode maken.")


def _store(
    signal: Signal,
    data: IntakeInput,
    *,
    user: Any,
    organisation: Any,
    official: bool,
    first_in_transaction: Callable[[], None] | None,
) -> None:
    """The report with its photos, first event, audit line and announcement, in one
    transaction (one commit per report)."""
    with transaction.atomic():
        if first_in_transaction is not None:
            first_in_transaction()
        signal.save()
        if data.indicators and official:
            signal.indicators.set(data.indicators)
        Attachment.objects.bulk_create(
            Attachment(
                signal=signal,
                number=number,
                content_type=image.content_type,
                data=image.data,
                size=len(image.data),
                width=image.width,
                height=image.height,
                sha256=image.sha256,
            )
            for number, image in enumerate(data.images, start=1)
        )
        SignalEvent.objects.create(
            signal=signal,
            kind=EventKind.CREATED,
            status_to=signal.status,
            actor=user if official else None,
            organisation=organisation if official else None,
        )
        if official:
            record(AuditAction.CREATE, actor=user, obj=signal)
        events.announce(signal)  # in this transaction: one commit per report
