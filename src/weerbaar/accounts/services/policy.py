"""The access model per kind of organisation: which records a work area opens.

Need to know starts here. A municipality works on what happens in its own area, so its
area opens the records about that area. Every other kind of organisation is a partner in
the regional approach: police, public prosecutor, RIEC, tax office, Meld Misdaad Anoniem,
schools, youth work, and the province and water board too. A partner sees a signal or a
case only when somebody shared it with them, and then only the text that was shared;
giving a partner a work area never opens them. The intervention team plans and records
inspections in its area, so its area opens inspections, not signals or cases. A province
coordinates the prevention campaign (camper-bus requests, tours, school covenants), so its
area opens those, and nothing else.

Records not named here (selection runs, reference data) hold no personal details and
follow the plain area rule for every kind. The access service
(``accounts.services.access``) reads this table; nothing else decides it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.accounts.models import Confidentiality, Organisation, OrganisationKind, User
from weerbaar.accounts.models.confidentiality import levels_up_to

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: Records behind need to know (model label -> plural noun for the admin's explanations).
NEED_TO_KNOW: dict[str, StrOrPromise] = {
    "signals.signal": gettext_lazy("signalen"),
    "cases.case": gettext_lazy("zaken"),
    "cases.subject": gettext_lazy("objecten (panden, ondernemingen, accounts)"),
    "cases.inspection": gettext_lazy("controles"),
    "prevention.busrequest": gettext_lazy("aanvragen voor de camperbus"),
    "prevention.tourplan": gettext_lazy("tourplanningen van de camperbus"),
    "prevention.covenant": gettext_lazy("convenanten veilige school"),
}

PREVENTION = frozenset({"prevention.busrequest", "prevention.tourplan", "prevention.covenant"})

#: Which need-to-know records the work area opens, per kind. A kind not listed: none.
AREA_OPENS: dict[str, frozenset[str]] = {
    OrganisationKind.GEMEENTE: frozenset(NEED_TO_KNOW),
    OrganisationKind.INTERVENTIETEAM: frozenset({"cases.inspection"}),
    OrganisationKind.PROVINCIE: PREVENTION,
}


def area_opens(kind: str, record: str) -> bool:
    """Whether an organisation of ``kind`` sees ``record``s ("app.model") in its area."""
    if record not in NEED_TO_KNOW:
        return True
    return record in AREA_OPENS.get(kind, frozenset())


@dataclass(frozen=True)
class Explanation:
    """What an organisation's set-up opens, in words an administrator can check."""

    by_area: list[str]
    only_shared: list[str]
    warnings: list[str]


def _nouns(records: Iterable[str]) -> str:
    return ", ".join(str(NEED_TO_KNOW[r]) for r in records)


def explain(organisation: Organisation) -> Explanation:
    """Say what the organisation's kind and work area open, and warn where an
    administrator might expect more (a partner with a work area)."""
    opened = [r for r in NEED_TO_KNOW if area_opens(organisation.kind, r)]
    closed = [r for r in NEED_TO_KNOW if r not in opened]
    warnings = []
    has_area = organisation.pk is not None and organisation.areas.exists()
    if closed and has_area:
        warnings.append(
            _(
                "%(name)s is een organisatie van de soort '%(kind)s'. Het werkgebied opent "
                "voor haar geen %(closed)s: die ziet zij alleen als ze met haar gedeeld zijn, "
                "en dan alleen de gedeelde tekst."
            )
            % {
                "name": organisation.name,
                "kind": organisation.get_kind_display(),
                "closed": _nouns(closed),
            }
        )
    return Explanation(
        by_area=[str(NEED_TO_KNOW[r]) for r in opened],
        only_shared=[str(NEED_TO_KNOW[r]) for r in closed],
        warnings=warnings,
    )


def explain_user(user: User) -> list[str]:
    """What a user will see, in sentences, for the user's admin page."""
    organisation = user.organisation
    if organisation is None:
        return [_("Zonder organisatie ziet deze gebruiker geen dossiers.")]
    explanation = explain(organisation)
    lines = []
    if explanation.by_area:
        lines.append(
            _("In het werkgebied van %(org)s: %(nouns)s.")
            % {"org": organisation.name, "nouns": ", ".join(explanation.by_area)}
        )
    if explanation.only_shared:
        lines.append(
            _("Alleen als ze gedeeld zijn met %(org)s: %(nouns)s.")
            % {"org": organisation.name, "nouns": ", ".join(explanation.only_shared)}
        )
    levels = [str(Confidentiality(level).label) for level in levels_up_to(user.clearance)]
    lines.append(_("Vertrouwelijkheid tot en met: %(levels)s.") % {"levels": ", ".join(levels)})
    lines.append(
        _("Wat de rollen niet toestaan, ziet de gebruiker nergens, ook niet in het werkgebied.")
    )
    return lines
