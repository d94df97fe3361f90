"""Camper bus requests: submitted by organisations, decided by a coordinator, followed by
the requester through a private link, and removed after the retention period.

The link's token is shown once and only its hash is stored, like the reporters' secrets."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.areas.services import geocoding
from weerbaar.core.locking import door
from weerbaar.core.travel import Point, interior_point
from weerbaar.prevention.models import BusRequest, RequestState, RequestWindow
from weerbaar.prevention.services import bus_mail

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
DEFAULT_RETENTION_DAYS = 180
CLOSED = (RequestState.DECLINED, RequestState.WITHDRAWN, RequestState.DONE)


class BookingError(ValueError):
    pass


@dataclass(frozen=True)
class WindowInput:
    date: dt.date
    start: dt.time
    end: dt.time


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"BUS-{body[:4]}-{body[4:]}"


def retention_days() -> int:
    return int(getattr(settings, "WEERBAAR_BUS_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def position(request: BusRequest) -> Point | None:
    """The coordinator's point if set, else the point of the school's postcode, else a
    point inside the municipality."""
    if request.latitude is not None and request.longitude is not None:
        return float(request.latitude), float(request.longitude)
    found = geocoding.postcode_position(request.postcode)
    if found is not None and found.precision == geocoding.Precision.PC4:
        return found.point
    return interior_point(request.municipality.geometry)


@transaction.atomic
def submit(
    fields: dict[str, object], windows: Sequence[WindowInput], *, base: str = ""
) -> tuple[BusRequest, str]:
    """Store a request with its windows; returns it and the status-link token (once), which
    also goes to the requester by e-mail."""
    if not windows:
        raise BookingError(_("Geef minstens één datum met tijdvak op."))
    token = secrets.token_urlsafe(24)
    request = BusRequest(**fields, reference=_reference(), token_hash=hash_token(token))
    request.position_note = _("midden van de gemeente (de coördinator kan de plek precies zetten)")
    request.save()
    RequestWindow.objects.bulk_create(
        RequestWindow(request=request, date=w.date, start=w.start, end=w.end) for w in windows
    )
    bus_mail.received(request, token, base)
    return request, token


def find_by_token(token: str) -> BusRequest | None:
    if not token or len(token) > 100:
        return None
    return BusRequest.objects.filter(
        token_hash=hash_token(token), anonymised_at__isnull=True
    ).first()


TRANSITIONS: dict[str, set[str]] = {
    RequestState.SUBMITTED: {
        RequestState.ACCEPTED,
        RequestState.RESCHEDULED,
        RequestState.DECLINED,
        RequestState.WITHDRAWN,
    },
    RequestState.ACCEPTED: {
        RequestState.RESCHEDULED,
        RequestState.DECLINED,
        RequestState.WITHDRAWN,
        RequestState.DONE,
    },
    RequestState.RESCHEDULED: {
        RequestState.ACCEPTED,
        RequestState.RESCHEDULED,
        RequestState.DECLINED,
        RequestState.WITHDRAWN,
        RequestState.DONE,
    },
}


@door("request")
def decide(
    request: BusRequest,
    user: object,
    state: str,
    message: str,
    new_windows: Iterable[WindowInput] = (),
    *,
    base: str = "",
) -> BusRequest:
    """The coordinator's decision. Rescheduling replaces the windows with the proposed ones;
    declining needs a message the requester can read."""
    allowed = TRANSITIONS.get(request.state, set())
    if state not in allowed:
        raise BookingError(
            _("Van '%(old)s' kan de aanvraag niet naar '%(new)s'.")
            % {"old": request.get_state_display(), "new": RequestState(state).label}
        )
    proposed = list(new_windows)
    if state == RequestState.RESCHEDULED:
        if not proposed:
            raise BookingError(_("Geef het nieuwe moment op (datum, vanaf, tot)."))
        request.windows.all().delete()
        RequestWindow.objects.bulk_create(
            RequestWindow(
                request=request,
                date=w.date,
                start=w.start,
                end=w.end,
                proposed_by_coordinator=True,
            )
            for w in proposed
        )
    if state == RequestState.DECLINED and not message.strip():
        raise BookingError(_("Schrijf de aanvrager waarom de aanvraag is afgewezen."))
    request.state = state
    request.coordinator_message = message.strip()
    request.decided_by = user  # type: ignore[assignment]
    request.decided_at = timezone.now()
    request.save()
    audit.record(AuditAction.CHANGE, actor=user, obj=request)
    bus_mail.decided(request, base)
    return request


@door("request")
def withdraw(request: BusRequest) -> None:
    if RequestState.WITHDRAWN not in TRANSITIONS.get(request.state, set()):
        raise BookingError(_("Deze aanvraag kan niet meer worden ingetrokken."))
    request.state = RequestState.WITHDRAWN
    request.save(update_fields=["state"])


@door("request")
def set_position(request: BusRequest, latitude: Any, longitude: Any, *, actor: Any) -> None:
    """The coordinator's exact position for the bus, used by the tour planner."""
    request.latitude, request.longitude = latitude, longitude
    request.position_note = str(_("gezet door de coördinator"))
    request.save(update_fields=["latitude", "longitude", "position_note"])
    audit.record(AuditAction.CHANGE, actor=actor, obj=request)


def purge(*, dry_run: bool = False, today: dt.date | None = None) -> list[str]:
    """Remove the contact details of requests whose last date (or, without a date, the
    decision) lies more than the retention period back; the organisation, municipality
    and dates stay for the campaign's figures."""
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=retention_days())
    due = (
        BusRequest.objects.filter(anonymised_at__isnull=True)
        .annotate(last=Max("windows__date"))
        .filter(
            Q(last__lt=cutoff)
            | Q(state__in=CLOSED, decided_at__date__lt=cutoff)
            | Q(last__isnull=True, created_at__date__lt=cutoff)
        )
    )
    count = due.count()
    if not dry_run and count:
        ids = list(due.values_list("pk", flat=True))
        BusRequest.objects.filter(pk__in=ids).update(
            contact_name="",
            contact_email="verwijderd@invalid",
            contact_phone="",
            street="",
            remarks="",
            coordinator_message="",
            anonymised_at=timezone.now(),
        )
    if not count:
        return [_("Aanvragen camperbus: niets over de bewaartermijn.")]
    verb = _("te verwijderen") if dry_run else _("verwijderd")
    return [
        _(
            "Aanvragen camperbus: contactgegevens van %(n)s aanvragen %(verb)s (bewaartermijn %(days)s dagen)."
        )
        % {"n": count, "verb": verb, "days": retention_days()}
    ]
