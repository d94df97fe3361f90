"""What the camper-bus requester is told by e-mail: the status link when the request
comes in (or is asked for again), the decision, and the planned visit (date, time,
place) when the tour is published. The link's token is known only at those moments; it is
stored as a hash, so a lost link is replaced by a new one."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from weerbaar.core.locking import lock
from weerbaar.core.mail import public_link, send_on_commit
from weerbaar.prevention.models import BusRequest, RequestState, TourStop

LOST_LINK_PATH = "/ouders/camperbus/link-kwijt/"


def _status_link(token: str, base: str) -> str:
    return public_link(reverse("prevention:bus-status", args=[token]), base)


def _greeting(request: BusRequest) -> str:
    return _("Beste %(name)s,") % {"name": request.contact_name}


def _footer(base: str) -> str:
    return _(
        "Link kwijt? Vraag een nieuwe aan op %(url)s met het kenmerk en dit e-mailadres.\n\n"
        "Met vriendelijke groet,\nde coördinator van de camperbus"
    ) % {"url": public_link(LOST_LINK_PATH, base)}


def received(request: BusRequest, token: str, base: str = "") -> None:
    body = "\n\n".join(
        [
            _greeting(request),
            _(
                "Wij hebben uw aanvraag %(ref)s voor de camperbus ontvangen. De coördinator "
                "beoordeelt hem en laat u weten of en wanneer de bus komt."
            )
            % {"ref": request.reference},
            _("De stand van zaken ziet u hier (bewaar deze link):\n%(url)s")
            % {"url": _status_link(token, base)},
            _footer(base),
        ]
    )
    send_on_commit(
        "camperbus_ontvangen",
        request.contact_email,
        _("Aanvraag camperbus %(ref)s ontvangen") % {"ref": request.reference},
        body,
    )


def decided(request: BusRequest, base: str = "") -> None:
    lines = {
        RequestState.ACCEPTED: _(
            "Uw aanvraag is geaccepteerd. Welke van uw momenten het wordt, kiezen we bij het "
            "plannen van de tour. Zodra de tour vaststaat, krijgt u een e-mail met de datum, "
            "de tijd en de plek."
        ),
        RequestState.RESCHEDULED: _(
            "Uw aanvraag is geaccepteerd op een ander moment dan u vroeg. Het voorgestelde "
            "moment staat op de pagina van uw aanvraag."
        ),
        RequestState.DECLINED: _("Uw aanvraag is helaas afgewezen."),
    }
    if request.state not in lines:
        return
    parts = [_greeting(request), str(lines[RequestState(request.state)])]
    if request.coordinator_message:
        parts.append(
            _("Bericht van de coördinator:\n%(text)s") % {"text": request.coordinator_message}
        )
    parts.append(_footer(base))
    send_on_commit(
        "camperbus_besluit",
        request.contact_email,
        _("Aanvraag camperbus %(ref)s: %(state)s")
        % {"ref": request.reference, "state": request.get_state_display().lower()},
        "\n\n".join(parts),
    )


def planned(stop: TourStop, base: str = "") -> None:
    request = stop.request
    when = _("%(date)s, van %(start)s tot %(end)s (de bus komt om %(arrival)s om op te bouwen)") % {
        "date": formats.date_format(stop.date, "l j F Y"),
        "start": stop.visit_start.strftime("%H:%M"),
        "end": stop.visit_end.strftime("%H:%M"),
        "arrival": stop.arrival.strftime("%H:%M"),
    }
    where = f"{request.street}, {request.postcode} {request.place}"
    body = "\n\n".join(
        [
            _greeting(request),
            _("De camperbus komt naar %(org)s:") % {"org": request.organisation_name},
            f"{when}\n{where}",
            _footer(base),
        ]
    )
    send_on_commit(
        "camperbus_gepland",
        request.contact_email,
        _("De camperbus komt op %(date)s") % {"date": formats.date_format(stop.date, "j F Y")},
        body,
    )


@transaction.atomic
def resend_link(reference: str, email: str, base: str = "") -> bool:
    """A new status link for a request, sent only to the address the request gave. The old
    link stops working. Returns whether a request matched (the page does not say so)."""
    found = BusRequest.objects.filter(
        reference__iexact=reference.strip(),
        contact_email__iexact=email.strip(),
        anonymised_at__isnull=True,
    ).first()
    if found is None:
        return False
    lock(found)
    from weerbaar.prevention.services.bookings import hash_token  # bookings imports this

    token = secrets.token_urlsafe(24)
    found.token_hash = hash_token(token)
    found.save(update_fields=["token_hash"])
    body = "\n\n".join(
        [
            _greeting(found),
            _(
                "Hier is een nieuwe link naar uw aanvraag %(ref)s (de oude werkt niet meer):\n%(url)s"
            )
            % {"ref": found.reference, "url": _status_link(token, base)},
            _footer(base),
        ]
    )
    send_on_commit(
        "camperbus_link",
        found.contact_email,
        _("Nieuwe link voor aanvraag camperbus %(ref)s") % {"ref": found.reference},
        body,
    )
    return True
