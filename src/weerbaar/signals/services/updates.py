"""Optional e-mail to a resident when there is news about their report: a question from
the handler, or a change of the coarse status they can see. The message says only that
there is news and where to look with their codes; never what the news is. The address is
wiped when the report is closed (after the last message) or anonymised."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.core.mail import public_link, send_on_commit
from weerbaar.signals.models import ReporterContact, Signal


class UpdatesError(ValueError):
    pass


@transaction.atomic
def subscribe(signal: Signal, email: str) -> None:
    """The reporter, who proved to hold the secret code, asks for news by e-mail."""
    if signal.anonymised_at is not None or not signal.is_anonymous:
        raise UpdatesError(_("Voor deze melding kunt u geen berichten krijgen."))
    ReporterContact.objects.update_or_create(
        signal=signal, defaults={"email": email.strip(), "given_on": timezone.localdate()}
    )


def unsubscribe(signal: Signal) -> None:
    ReporterContact.objects.filter(signal=signal).delete()


def subscribed(signal: Signal) -> bool:
    return ReporterContact.objects.filter(signal=signal).exists()


def notify(signal: Signal, *, closing: bool = False) -> None:
    """Send "er is nieuws" if the reporter asked for it; after the last one, forget them."""
    contact = ReporterContact.objects.filter(signal=signal).first()
    if contact is None:
        return
    body = "\n\n".join(
        [
            _("Goedendag,"),
            _(
                "Er is nieuws over uw melding %(receipt)s. Wat het is, zetten we niet in deze "
                "e-mail: kijk met uw ontvangstcode en geheime code op %(url)s."
            )
            % {"receipt": signal.receipt, "url": public_link(reverse("signals_public:lookup"))},
            _(
                "Uw melding is nu afgesloten. We hebben uw e-mailadres gewist; u krijgt geen "
                "berichten meer."
            )
            if closing
            else _("Wilt u geen berichten meer? Dat zet u uit op dezelfde pagina."),
        ]
    )
    send_on_commit(
        "melding_nieuws",
        contact.email,
        _("Nieuws over uw melding %(receipt)s") % {"receipt": signal.receipt},
        body,
    )
    if closing:
        contact.delete()
