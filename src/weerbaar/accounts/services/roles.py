"""The roles Weerbaar ships: one per kind of user, each a documented bundle of permissions.

A municipality should not have to read the code to learn which of some 280 permissions a
Bibob official needs. The bundles below are the permissions the pages and the API check
for each kind of work (``accounts.services.access.may`` decides the rest: the
organisation's kind, its work area, shares and clearance). Every ``migrate`` creates the
shipped roles and puts them back to this list; an administrator who needs a variation
makes a role of their own next to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.accounts.models import ShippedRole


@dataclass(frozen=True)
class RoleSpec:
    key: str
    name: str
    description: str
    permissions: tuple[str, ...]
    #: users with this role reach the admin for their own organisation
    administers: bool = False


_SIGNAL_READING = (
    "signals.view_signal",
    "signals.view_attachment",
    "signals.view_category",
    "signals.view_checklistindicator",
)

SHIPPED: tuple[RoleSpec, ...] = (
    RoleSpec(
        "behandelaar-meldingen",
        "Behandelaar meldingen",
        "Behandelt de meldingen van bewoners en de signalen in het werkgebied: leest ze, "
        "wijzigt status en categorie, stelt vragen aan de melder, koppelt ze aan objecten "
        "en deelt ze na de controle met een partner.",
        (
            *_SIGNAL_READING,
            "signals.add_signal",
            "signals.change_signal",
            "signals.add_signalshare",
            "cases.view_subject",
            "cases.view_signallink",
            "cases.change_signallink",
        ),
    ),
    RoleSpec(
        "ambtenaar",
        "Ambtenaar (signalen vastleggen)",
        "Legt signalen vast met de checklist van indicatoren en ziet de signalen in het "
        "werkgebied. Wijzigt ze niet.",
        (*_SIGNAL_READING, "signals.add_signal"),
    ),
    RoleSpec(
        "signalenoverleg",
        "Signalenoverleg",
        "Weegt in het wekelijkse signalenoverleg de objecten met nieuwe signalen, legt het "
        "besluit vast en opent zaken, en deelt een samenvatting met een partner.",
        (
            *_SIGNAL_READING,
            "cases.view_subject",
            "cases.view_signallink",
            "cases.change_signallink",
            "cases.view_triageformula",
            "cases.view_triagedecision",
            "cases.add_triagedecision",
            "cases.view_case",
            "cases.add_case",
            "cases.change_case",
            "cases.view_caseevent",
            "cases.add_caseshare",
        ),
    ),
    RoleSpec(
        "interventieteam",
        "Interventieteam",
        "Plant controledagen met adressen en route, legt bezoeken, bevindingen en "
        "maatregelen vast. Ziet de objecten en zaken waar de controles over gaan.",
        (
            "cases.view_subject",
            "cases.view_case",
            "cases.view_inspection",
            "cases.add_inspection",
            "cases.change_inspection",
            "cases.view_inspectionstop",
            "cases.view_visit",
            "cases.add_visit",
            "cases.view_visitphoto",
            "cases.view_measure",
            "cases.add_measure",
        ),
    ),
    RoleSpec(
        "bibob-team",
        "Bibob-team",
        "Toetst aanvragen voor vergunningen, subsidies en aanbestedingen (Wet Bibob): "
        "vragenlijst, eigen onderzoek, advies, voornemen en besluit, met de brieven.",
        (
            "screening.view_application",
            "screening.add_application",
            "screening.change_application",
            "screening.view_applicationkind",
            "screening.view_person",
            "screening.view_financingline",
            "screening.view_answer",
            "screening.view_questionnaire",
            "screening.view_question",
            "screening.view_letter",
            "screening.view_lettertemplate",
            "screening.view_suspension",
            "screening.view_companyevent",
        ),
    ),
    RoleSpec(
        "analist",
        "Analist",
        "Werkt met de monitor en de selectie van gebieden: stelt selectieregels op, "
        "draait ze en legt de uitkomst met uitleg vast. Stelt de voortgangsrapportages samen "
        "en publiceert ze, en beheert de inzetreeksen. Ziet geen signalen of zaken, alleen "
        "afgeschermde aantallen.",
        (
            "selection.view_selectionrun",
            "selection.add_selectionrun",
            "selection.view_rule",
            "selection.view_ruleversion",
            "selection.view_programme",
            "selection.view_participation",
            "areas.view_region",
            "reports.view_progressreport",
            "reports.publish_progressreport",
            "reports.view_effortseries",
            "reports.add_effortseries",
            "reports.change_effortseries",
        ),
    ),
    RoleSpec(
        "preventiecoordinator",
        "Preventiecoördinator",
        "Beoordeelt aanvragen voor de camperbus, plant de tours, legt convenanten veilige "
        "school vast en beheert de teksten voor ouders.",
        (
            "prevention.view_busrequest",
            "prevention.change_busrequest",
            "prevention.decide_busrequest",
            "prevention.view_tourplan",
            "prevention.plan_tour",
            "prevention.view_bus",
            "prevention.view_covenant",
            "prevention.add_covenant",
            "prevention.change_covenant",
            "prevention.view_covenantparty",
            "prevention.view_article",
            "prevention.view_articleversion",
            "prevention.add_articleversion",
            "prevention.change_articleversion",
            "prevention.view_helporganisation",
            "prevention.view_intervention",
        ),
    ),
    RoleSpec(
        "enquetecoordinator",
        "Coördinator scholierenonderzoek",
        "Zet de jaarlijkse enquête onder scholieren klaar: ronde, scholen, klaslinks en "
        "brieven, en leest de uitkomsten (alleen groepen, kleine aantallen afgeschermd).",
        (
            "surveys.view_round",
            "surveys.add_round",
            "surveys.view_school",
            "surveys.view_classlink",
            "surveys.view_questionnaireversion",
            "surveys.view_weightset",
        ),
    ),
    RoleSpec(
        "trainingscoordinator",
        "Coördinator training signalen",
        "Ziet per rol en doelgroep hoeveel medewerkers van de eigen organisatie de training "
        "signalen herkennen op orde hebben en wie moet opfrissen, stelt in welke doelgroep "
        "hoe vaak moet trainen en exporteert het overzicht als bewijs (BIO2). Ziet geen "
        "scores of antwoorden.",
        (
            "training.view_completion",
            "training.view_requirement",
            "training.add_requirement",
            "training.change_requirement",
            "training.view_scenarioversion",
        ),
    ),
    RoleSpec(
        "onderzoeker",
        "Onderzoeker (losse antwoorden)",
        "Mag de losse, anonieme antwoorden van een ronde exporteren voor eigen analyse; elke "
        "export komt in het auditlog. Ziet geen signalen of zaken.",
        ("surveys.view_round", "surveys.export_response"),
    ),
    RoleSpec(
        "partner-lezen",
        "Partner (gedeelde dossiers lezen)",
        "Voor politie, RIEC, OM en andere partners: leest de signalen en zaken die met de "
        "eigen organisatie gedeeld zijn, en alleen de gedeelde tekst.",
        ("signals.view_signal", "cases.view_case"),
    ),
    RoleSpec(
        "privacyfunctionaris",
        "Privacyfunctionaris",
        "Ziet wie welk dossier heeft bekeken (de pagina 'Wie heeft dit bekeken?' en het "
        "auditlog). Ziet de inhoud van dossiers niet.",
        ("accounts.view_auditevent",),
    ),
    RoleSpec(
        "functioneel-beheerder",
        "Functioneel beheerder",
        "Beheert in het beheerscherm de gebruikers van de eigen organisatie en geeft hun "
        "rollen. Ziet de organisaties, rollen en naslaggegevens van de regio.",
        (
            "accounts.view_user",
            "accounts.add_user",
            "accounts.change_user",
            "accounts.view_organisation",
            "accounts.view_role",
            "signals.view_category",
            "signals.view_checklistindicator",
            "screening.view_applicationkind",
            "prevention.view_helporganisation",
        ),
        administers=True,
    ),
)

BY_KEY = {spec.key: spec for spec in SHIPPED}

_ACTIONS = {
    "view": gettext_lazy("bekijken"),
    "add": gettext_lazy("toevoegen"),
    "change": gettext_lazy("wijzigen"),
    "delete": gettext_lazy("verwijderen"),
}


class UnknownRole(ValueError):
    pass


def spec(key: str) -> RoleSpec:
    try:
        return BY_KEY[key]
    except KeyError:
        raise UnknownRole(
            _("Onbekende rol '%(key)s'. Kies uit: %(keys)s.")
            % {"key": key, "keys": ", ".join(BY_KEY)}
        ) from None


def _permissions(labels: Iterable[str]) -> list[Permission]:
    wanted = [tuple(label.split(".", 1)) for label in labels]
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in=[codename for _app, codename in wanted]
        )
    }
    missing = [f"{a}.{c}" for a, c in wanted if (a, c) not in found]
    if missing:
        raise LookupError(f"permissions do not exist: {', '.join(missing)}")
    return [found[key] for key in wanted]  # type: ignore[index]


@transaction.atomic
def sync() -> list[Group]:
    """Create the shipped roles, or put them back to their bundle; returns them."""
    roles = []
    for item in SHIPPED:
        shipped = ShippedRole.objects.select_related("role").filter(key=item.key).first()
        if shipped is None:
            role, _created = Group.objects.get_or_create(name=item.name)
            shipped = ShippedRole.objects.create(
                role=role, key=item.key, description=item.description
            )
        role = shipped.role
        if role.name != item.name or shipped.description != item.description:
            role.name = item.name
            role.save(update_fields=["name"])
            shipped.description = item.description
            shipped.save(update_fields=["description"])
        role.permissions.set(_permissions(item.permissions))
        roles.append(role)
    return roles


def role(key: str) -> Group:
    """The stored shipped role for ``key`` (made on first use)."""
    spec(key)
    shipped = ShippedRole.objects.select_related("role").filter(key=key).first()
    if shipped is None:
        sync()
        shipped = ShippedRole.objects.select_related("role").get(key=key)
    return shipped.role


def administers(groups: Iterable[Group]) -> bool:
    """Whether one of ``groups`` is a shipped role that reaches the admin."""
    keys = ShippedRole.objects.filter(role__in=list(groups)).values_list("key", flat=True)
    return any(BY_KEY[k].administers for k in keys if k in BY_KEY)


def permission_label(permission: Permission) -> str:
    """ "Signalen · signaal bekijken" instead of Django's "signals | signaal | Can view
    signaal"; own permissions keep their own (Dutch) name."""
    model = permission.content_type.model_class()
    app = model._meta.app_config.verbose_name if model is not None else ""
    action, _sep, rest = permission.codename.partition("_")
    if model is not None and action in _ACTIONS and rest == model._meta.model_name:
        text = f"{model._meta.verbose_name} {_ACTIONS[action]}"
    else:
        text = permission.name
    return f"{app} · {text}" if app else str(text)
