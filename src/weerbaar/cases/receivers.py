"""Follows the signals app: propose object links for every new signal, and show them on
the signal's back-office page."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from weerbaar.accounts.services.access import may
from weerbaar.cases.models import SignalLink
from weerbaar.cases.services import linking, routing
from weerbaar.signals import events


@receiver(events.signal_recorded)
def propose_links(sender: Any, instance: Any, **kwargs: Any) -> None:
    linking.propose(instance)


def links_panel(request: Any, signal: Any) -> tuple[str, dict[str, Any]] | None:
    if not may(request.user, "cases.view_subject"):
        return None
    links = list(SignalLink.objects.filter(signal=signal).select_related("subject", "decided_by"))
    return (
        "cases/_links_panel.html",
        {
            "links": links,
            "route": routing.propose(signal),
            "can_decide": may(request.user, "cases.change_signallink", signal),
        },
    )


if links_panel not in events.detail_panels:
    events.detail_panels.append(links_panel)
