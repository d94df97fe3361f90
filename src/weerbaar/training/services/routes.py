"""What an official can do next with what they saw: the same few routes in every
scenario, so the feedback can say why each one is right or wrong here."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.services.selectors import work_area_ids
from weerbaar.cases.services.routing import handler_for

WEERBAAR = "weerbaar"
NOTHING = "niets"

ROUTES: dict[str, Any] = {
    WEERBAAR: _("Een signaal vastleggen in Weerbaar, met de checklist"),
    "gso": _("Inbrengen in het signalenoverleg van de gemeente (GSO)"),
    "riec": _("Melden bij het RIEC"),
    "mma": _("Anoniem melden bij Meld Misdaad Anoniem"),
    "veilig-thuis": _("Contact opnemen met Veilig Thuis"),
    NOTHING: _("Niets doen"),
}


def label(route: str) -> str:
    return str(ROUTES.get(route, route))


def where_it_lands(category: str, user: Any) -> str | None:
    """Who would handle a signal of ``category`` recorded by ``user``: the first routing
    rule that fits the category and the user's work area (as the back office would)."""
    return handler_for(category, work_area_ids(getattr(user, "organisation", None)))
