"""The README's "Eerste keer" steps, walked as a municipality would: commands make the
organisations and users with shipped roles, and the users record the first signal, open
the first case and register the first Bibob application, without reading any code."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from weerbaar.accounts.models import ShippedRole, User
from weerbaar.accounts.services import roles
from weerbaar.areas.tests.factories import small_country
from weerbaar.cases.models import Case, Subject
from weerbaar.screening.models import Application, ApplicationKind
from weerbaar.signals.models import Signal

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _login(output: str, username: str) -> Client:
    password = re.search(r"Wachtwoord \(alleen nu getoond\): (\S+)", output)
    assert password, output
    client = Client()
    assert client.login(username=username, password=password.group(1))
    return client


def test_every_shipped_role_is_there_after_migrate_with_its_bundle() -> None:
    shipped = {s.key: s.role for s in ShippedRole.objects.select_related("role")}
    assert set(shipped) == set(roles.BY_KEY)
    for spec in roles.SHIPPED:
        held = {
            f"{app}.{codename}"
            for app, codename in shipped[spec.key].permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert held == set(spec.permissions), spec.key
        assert shipped[spec.key].name == spec.name


def test_a_changed_shipped_role_is_put_back_by_the_next_sync() -> None:
    bibob = roles.role("bibob-team")
    bibob.permissions.clear()
    roles.sync()
    assert bibob.permissions.filter(codename="view_application").exists()


def test_first_time_from_commands_to_signal_case_and_bibob_application() -> None:
    small_country()
    organisation = _run(
        "organisatie", "maak", "Gemeente Groningen", "--soort", "gemeente", "--gebied", "GM0014"
    )
    assert "Organisatie 'Gemeente Groningen' gemaakt (gemeente)" in organisation
    assert "Via het werkgebied ziet zij: signalen, zaken" in organisation
    police = _run(
        "organisatie", "maak", "Politie Noord-Nederland", "--soort", "politie", "--gebied", "PV20"
    )
    assert "Het werkgebied opent voor haar geen signalen" in police

    handler = _run(
        "gebruiker", "maak", "hanna", "--organisatie", "Gemeente Groningen",
        "--rol", "behandelaar-meldingen", "--rol", "signalenoverleg",
    )  # fmt: skip
    assert "Rollen: Behandelaar meldingen, Signalenoverleg." in handler
    screener = _run(
        "gebruiker", "maak", "bert", "--organisatie", "Gemeente Groningen", "--rol", "bibob-team"
    )
    admin = _run(
        "gebruiker", "maak", "fleur", "--organisatie", "Gemeente Groningen",
        "--rol", "functioneel-beheerder",
    )  # fmt: skip
    fleur = User.objects.get(username="fleur")
    assert fleur.is_staff and fleur.is_functional_admin and not fleur.is_superuser

    hanna = _login(handler, "hanna")
    response = hanna.post(
        "/signalen/nieuw/?categorie=drugs-handel",
        {
            "category": "drugs-handel",
            "description": "Bij het pand aan de Vismarkt 12 komen 's nachts steeds jongeren.",
            "municipality": "GM0014",
            "street": "Vismarkt",
            "house_number": "12",
            "postcode": "9711 KT",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    signal = Signal.objects.get()
    assert signal.area is not None and signal.area.code == "GM0014"
    subject = Subject.objects.get(kind="pand")
    opened = hanna.post(
        f"/zaken/nieuw/?object={subject.pk}", {"object": subject.pk, "titel": "Vismarkt 12"}
    )
    assert opened.status_code == 302, opened.content.decode()[:3000]
    case = Case.objects.get()
    assert list(case.signals.all()) == [signal]
    assert hanna.get(f"/zaken/{case.pk}/").status_code == 200

    bert = _login(screener, "bert")
    kind = ApplicationKind.objects.filter(is_active=True).first()
    assert kind is not None
    registered = bert.post(
        "/screening/nieuw/",
        {
            "kind": kind.pk,
            "requested_decision": "Exploitatievergunning café De Hoek, Vismarkt 12",
            "received_on": timezone.localdate().isoformat(),
            "applicant_name": "De Hoek B.V.",
            "applicant_is_business": "0",
            "street": "Vismarkt",
            "house_number": "12",
            "postcode": "9711 KT",
            "place": "Groningen",
            "municipality": signal.area.pk,
            "investment": "250000",
            "rent_per_month": "3000",
            "purchase_price": "0",
        },
    )
    assert registered.status_code == 302, registered.content.decode()[:3000]
    assert Application.objects.count() == 1
    # need to know holds for the shipped roles: the Bibob team sees no signals
    assert bert.get("/signalen/").status_code == 403
    assert _login(admin, "fleur").get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["organisatie", "maak", "X", "--soort", "gemeente", "--gebied", "GM9999"], "GM9999"),
        (["gebruiker", "maak", "y", "--organisatie", "Bestaat niet"], "bestaat niet"),
    ],
)
def test_set_up_commands_say_what_is_wrong(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command(*args, stdout=io.StringIO())


def test_permissions_are_named_in_dutch_in_the_role_admin(admin_client: Any) -> None:
    role = roles.role("bibob-team")
    page = admin_client.get(f"/admin/accounts/role/{role.pk}/change/").content.decode()
    assert "Bibob-aanvraag bekijken" in page
    assert "Can view" not in page
    assert roles.BY_KEY["bibob-team"].description[:40] in page
