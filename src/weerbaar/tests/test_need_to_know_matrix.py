"""Need to know over every page, export and API endpoint, for every kind of reader.

Every URL the application serves (the admin has its own matrix) has an entry here; a new
URL without one fails ``test_every_url_has_an_entry``. For each entry and each actor of
``world`` the test reads the page and changes what it can, and checks:

- only Groningen's own official (``ria``) ever gets Groningen's text (``MARKER``);
- the police partner, with the whole province as work area and a read role, gets the
  text shared with it (``SHARED``) and nothing else;
- no POST by another actor changes any of Groningen's records;
- nobody gets a server error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from weerbaar.tests.world import MARKER, PASSWORD, SHARED, World, build

pytestmark = pytest.mark.django_db

Path = Callable[[World], str]


@dataclass(frozen=True)
class Entry:
    path: Path
    posts: tuple[dict[str, Any], ...] = ({},)
    public_write: bool = False  # anyone may create here (a report, a bus request, a login)
    owner_sees: bool = False  # Groningen's official must see MARKER here (control)


def _p(template: str, **extra: Any) -> Path:
    return lambda w: template.format(**w.pks(), **extra, receipt=w.signal.receipt)


STATUS = {"actie": "status", "status": "afgehandeld", "tekst": "klaar", "bevestigd": "ja"}
NOTE = {"actie": "notitie", "tekst": "ingebroken"}
SHARE = {
    "actie": "delen",
    "tekst": "x",
    "samenvatting": "x",
    "grondslag": "x",
    "nagelezen": "1",
}

MATRIX: dict[str, Entry] = {
    "home": Entry(_p("/")),
    "health": Entry(_p("/gezond")),
    "ready": Entry(_p("/gereed")),
    "metrics": Entry(_p("/metrics")),  # off without WEERBAAR_METRICS_TOKEN (404)
    "favicon.ico": Entry(_p("/favicon.ico")),
    "areas:index": Entry(_p("/gebieden/")),
    "areas:region": Entry(_p("/gebieden/regio/onbekend/")),
    "areas:detail": Entry(_p("/gebieden/GM0014/")),
    "monitor:catalogue": Entry(_p("/monitor/")),
    "monitor:compare": Entry(_p("/monitor/vergelijk/?gebied=GM0014")),
    "monitor:profile": Entry(_p("/monitor/gebied/GM0014/")),
    "monitor:indicator": Entry(_p("/monitor/onbekend/")),
    "reports:evaluation": Entry(_p("/rapportages/evaluatie/")),
    "reports:list": Entry(_p("/rapportages/")),
    "reports:draft": Entry(_p("/rapportages/concept/?regio=GM0014&jaar=2026")),
    "reports:publish": Entry(
        _p("/rapportages/publiceren/"), posts=({"regio": "GM0014", "jaar": "2026"},)
    ),
    "reports:published": Entry(_p("/rapportages/999/")),
    "reports:pdf": Entry(_p("/rapportages/999/pdf/")),
    "reports:methods": Entry(_p("/rapportages/methoden/")),
    "reports:effort": Entry(
        _p("/rapportages/inzet/"),
        posts=({"naam": "x", "eenheid": "x", "bron": "x", "regels": "GM0014;2024;1"},),
    ),
    "reports:relation": Entry(_p("/rapportages/inzet/samenhang/")),
    "surveys_public:questionnaire": Entry(_p("/enquete/ONBEKEND12/"), public_write=True),
    "surveys:rounds": Entry(
        _p("/enquetes/"),
        posts=(
            {
                "naam": "x",
                "jaar": "2027",
                "van": "2027-01-01",
                "tot": "2027-01-31",
                "scholen": "X;GM0014;vmbo;1A=1",
            },
        ),
    ),
    "surveys:round": Entry(_p("/enquetes/999/")),
    "surveys:sheet": Entry(_p("/enquetes/999/klas/1/")),
    "surveys:letters": Entry(_p("/enquetes/999/school/1/brieven/")),
    "surveys:results": Entry(_p("/enquetes/999/uitkomsten/")),
    "surveys:export": Entry(_p("/enquetes/999/antwoorden.csv")),
    "surveys:to_monitor": Entry(_p("/enquetes/999/naar-monitor/")),
    "training:index": Entry(_p("/training/")),
    "training:scenario": Entry(_p("/training/horeca-vergunning/")),
    "training:step": Entry(
        _p("/training/poging/{attempt}/stap/1/"), posts=({"indicatoren": ["contant"]},)
    ),
    "training:decision": Entry(
        _p("/training/poging/{attempt}/besluit/"), posts=({"vervolg": "niets"},)
    ),
    "training:feedback": Entry(_p("/training/poging/{attempt}/")),
    "training:again": Entry(_p("/training/poging/{attempt}/opnieuw/")),
    "training:sandbox": Entry(
        _p("/training/poging/{attempt}/oefenen/"), posts=({"description": "x"},)
    ),
    "training:overview": Entry(
        _p("/training/overzicht/"), posts=({"doelgroep": "school", "dagen": "365"},)
    ),
    "training:export_csv": Entry(_p("/training/overzicht/export.csv")),
    "training:export_xlsx": Entry(_p("/training/overzicht/export.xlsx")),
    "training:end_requirement": Entry(
        _p("/training/overzicht/verplichting/{requirement}/beeindigen/")
    ),
    "selection:index": Entry(_p("/selectie/")),
    "selection:editor": Entry(_p("/selectie/regel/")),
    "selection:run": Entry(_p("/selectie/run/999/")),
    "selection:justification": Entry(_p("/selectie/run/999/verantwoording/")),
    "selection:compare": Entry(_p("/selectie/vergelijk/")),
    "signals_public:report": Entry(_p("/melden/"), public_write=True),
    "signals_public:lookup": Entry(_p("/melden/status/"), public_write=True),
    "signals_public:add_message": Entry(_p("/melden/status/aanvullen/"), public_write=True),
    "signals_public:updates": Entry(
        _p("/melden/status/berichten/"), posts=({"receipt": "{receipt}", "email": "a@b.nl"},)
    ),
    "signals:list": Entry(_p("/signalen/"), owner_sees=True),
    "signals:new": Entry(_p("/signalen/nieuw/"), posts=({"description": "x"},)),
    "signals:detail": Entry(_p("/signalen/{signal}/"), owner_sees=True),
    "signals:action": Entry(
        _p("/signalen/{signal}/actie/"),
        posts=(STATUS, NOTE, {"actie": "categorie", "categorie": "overig"}),
    ),
    "signals:attachment": Entry(_p("/signalen/{signal}/bijlage/1/")),
    "signals:share": Entry(_p("/signalen/{signal}/delen/"), posts=(SHARE,)),
    "signals:reads": Entry(_p("/signalen/{signal}/inzage/")),
    "cases:cases": Entry(_p("/zaken/"), owner_sees=True),
    "cases:case_new": Entry(_p("/zaken/nieuw/?object={subject}"), owner_sees=True),
    "cases:case": Entry(_p("/zaken/{case}/"), owner_sees=True),
    "cases:case_action": Entry(
        _p("/zaken/{case}/actie/"), posts=({"actie": "fase", "fase": "onderzoek"}, NOTE)
    ),
    "cases:case_share": Entry(_p("/zaken/{case}/delen/"), posts=(SHARE,)),
    "cases:case_reads": Entry(_p("/zaken/{case}/inzage/")),
    "cases:inspections": Entry(_p("/zaken/controles/"), owner_sees=True),
    "cases:inspection": Entry(_p("/zaken/controles/{inspection}/"), owner_sees=True),
    "cases:day_sheet": Entry(_p("/zaken/controles/{inspection}/dagblad/"), owner_sees=True),
    "cases:replan": Entry(_p("/zaken/controles/{inspection}/route/")),
    "cases:visit": Entry(
        _p("/zaken/controles/adres/{stop}/bezoek/"),
        posts=({"situatie": "aangetroffen", "toelichting": "x"},),
    ),
    "cases:subjects": Entry(_p("/zaken/objecten/"), owner_sees=True),
    "cases:subject": Entry(_p("/zaken/objecten/{subject}/"), owner_sees=True),
    "cases:decide_link": Entry(_p("/zaken/koppelingen/{link}/"), posts=({"besluit": "bevestigd"},)),
    "cases:triage": Entry(_p("/zaken/triage/"), owner_sees=True),
    "cases:triage_decide": Entry(
        _p("/zaken/triage/{subject}/besluit/"),
        posts=({"besluit": "controle", "reden": "x"},),
    ),
    "screening:register": Entry(_p("/screening/"), owner_sees=True),
    "screening:new": Entry(_p("/screening/nieuw/")),
    "screening:reads": Entry(_p("/screening/{application}/inzage/")),
    "screening:deadlines": Entry(_p("/screening/termijnen/"), owner_sees=True),
    "screening:application": Entry(_p("/screening/{application}/"), owner_sees=True),
    "screening:add-person": Entry(
        _p("/screening/{application}/personen/"),
        posts=({"persoon-role": "bestuurder", "persoon-name": "X"},),
    ),
    "screening:remove-person": Entry(_p("/screening/{application}/personen/1/verwijderen/")),
    "screening:add-financing": Entry(
        _p("/screening/{application}/financiering/"),
        posts=({"financiering-source": "eigen", "financiering-amount": "10"},),
    ),
    "screening:add-company-event": Entry(_p("/screening/{application}/kvk/")),
    "screening:answer": Entry(
        _p("/screening/{application}/vragen/1/"), posts=({"text": "antwoord"},)
    ),
    "screening:document": Entry(_p("/screening/{application}/vragen/1/document/")),
    "screening:step": Entry(
        _p("/screening/{application}/stap/beoordeling/"),
        posts=(
            {
                "beoordeling-choice": "lbb",
                "beoordeling-reasons": "x",
                "beoordeling-on": "2026-10-20",
            },
        ),
    ),
    "screening:make-letter": Entry(
        _p("/screening/{application}/brieven/"), posts=({"brief-kind": "lbb_melding"},)
    ),
    "screening:letter": Entry(_p("/screening/{application}/brieven/1/")),
    "prevention:parents": Entry(_p("/ouders/")),
    "prevention:help": Entry(_p("/ouders/hulp/?postcode=9712")),
    "prevention:flyer": Entry(_p("/ouders/flyer/?gemeente=GM0014")),
    "prevention:bus": Entry(_p("/ouders/camperbus/")),
    "prevention:bus-request": Entry(_p("/ouders/camperbus/aanvragen/"), public_write=True),
    "prevention:bus-lost-link": Entry(_p("/ouders/camperbus/link-kwijt/"), public_write=True),
    "prevention:bus-status": Entry(_p("/ouders/camperbus/aanvraag/onbekend/")),
    "prevention:bus-withdraw": Entry(_p("/ouders/camperbus/aanvraag/onbekend/intrekken/")),
    "prevention:preview": Entry(_p("/ouders/voorbeeld/1/")),
    "prevention:catalogue": Entry(_p("/interventies/")),
    "prevention:fits": Entry(_p("/interventies/past-bij/?gebied=GM0014")),
    "prevention:intervention": Entry(_p("/interventies/onbekend/")),
    "prevention:requests": Entry(_p("/preventie/aanvragen/"), owner_sees=True),
    "prevention:request": Entry(
        _p("/preventie/aanvragen/{request}/"),
        posts=({"besluit-action": "afwijzen", "besluit-reason": "x"},),
        owner_sees=True,
    ),
    "prevention:plans": Entry(_p("/preventie/tours/")),
    "prevention:plan": Entry(_p("/preventie/tours/{plan}/")),
    "prevention:plan-publish": Entry(_p("/preventie/tours/{plan}/publiceren/")),
    "prevention:plan-ics": Entry(_p("/preventie/tours/{plan}/camperbus.ics")),
    "prevention:plan-csv": Entry(_p("/preventie/tours/{plan}/camperbus.csv")),
    "prevention:covenants": Entry(_p("/preventie/convenanten/"), owner_sees=True),
    "prevention:covenant-new": Entry(_p("/preventie/convenanten/nieuw/")),
    "prevention:covenant": Entry(
        _p("/preventie/convenanten/{covenant}/"),
        posts=({"title": "ingebroken"},),
        owner_sees=True,
    ),
    "prevention:section": Entry(_p("/ouders/werving/")),
    "accounts:login": Entry(_p("/inloggen/"), public_write=True),
    "accounts:second_step": Entry(_p("/inloggen/tweede-stap/"), posts=({"code": "123456"},)),
    "accounts:enrol": Entry(_p("/inloggen/tweede-stap/instellen/"), posts=({"code": "1"},)),
    "accounts:recovery_codes": Entry(_p("/werkplek/herstelcodes/")),
    "accounts:passkey_ready": Entry(_p("/inloggen/tweede-stap/passkey-klaar/")),
    "accounts:sso_start": Entry(_p("/inloggen/organisatie/")),
    "accounts:sso_callback": Entry(_p("/inloggen/organisatie/terug/")),
    "otp_webauthn:credential-registration-begin": Entry(_p("/inloggen/passkey/registratie/begin/")),
    "otp_webauthn:credential-registration-complete": Entry(
        _p("/inloggen/passkey/registratie/afronden/")
    ),
    "otp_webauthn:credential-authentication-begin": Entry(_p("/inloggen/passkey/controle/begin/")),
    "otp_webauthn:credential-authentication-complete": Entry(
        _p("/inloggen/passkey/controle/afronden/")
    ),
    "otp_webauthn:js-i18n-catalog": Entry(_p("/inloggen/passkey/teksten.js")),
    "accounts:login_monitor": Entry(_p("/werkplek/inlogmonitor/")),
    "accounts:logout": Entry(_p("/uitloggen/"), public_write=True),
    "accounts:workspace": Entry(_p("/werkplek/")),
    "admin-login-redirect": Entry(_p("/admin/login/")),
    "api:area-list": Entry(_p("/api/v1/areas")),
    "api:area-detail": Entry(_p("/api/v1/areas/GM0014")),
    "api:indicator-list": Entry(_p("/api/v1/indicators")),
    "api:indicator-detail": Entry(_p("/api/v1/indicators/onbekend")),
    "api:indicator-values": Entry(_p("/api/v1/indicators/onbekend/values")),
    "api:selection-create": Entry(_p("/api/v1/selections")),
    "api:selection-detail": Entry(_p("/api/v1/selections/999")),
    "api:public-signals": Entry(_p("/api/v1/public/signals"), public_write=True),
    "api:public-signal-status": Entry(_p("/api/v1/public/signals/{receipt}")),
    "api:public-signal-messages": Entry(
        _p("/api/v1/public/signals/{receipt}/messages"), posts=({"text": "ingebroken"},)
    ),
    "api:signals": Entry(_p("/api/v1/signals"), posts=({"description": "x"},)),
    "api:inspections": Entry(_p("/api/v1/inspections"), owner_sees=True),
    "api:cases": Entry(_p("/api/v1/cases"), owner_sees=True),
    "api:case": Entry(_p("/api/v1/cases/{case}"), owner_sees=True),
    "api:objects": Entry(_p("/api/v1/objects"), owner_sees=True),
    "api:object": Entry(_p("/api/v1/objects/{subject}"), owner_sees=True),
    "api:links": Entry(_p("/api/v1/links?signal={receipt}")),
    "api:link": Entry(_p("/api/v1/links/{link}"), posts=({"state": "bevestigd"},)),
    "api:screening-applications": Entry(_p("/api/v1/screening/applications"), owner_sees=True),
    "api:screening-application": Entry(
        _p("/api/v1/screening/applications/{application}"), owner_sees=True
    ),
    "api:schema-json": Entry(_p("/api/v1/openapi.json")),
    "api:schema": Entry(_p("/api/v1/schema")),
    "api:docs": Entry(_p("/api/v1/docs")),
}

#: More paths of listed URLs: exports and filters that read differently.
VARIANTS: dict[str, Entry] = {
    "signals:list (CSV)": Entry(_p("/signalen/?formaat=csv"), owner_sees=True),
    "cases:cases (CSV)": Entry(_p("/zaken/?formaat=csv"), owner_sees=True),
    "screening:register (CSV)": Entry(_p("/screening/?formaat=csv"), owner_sees=True),
    "prevention:covenants (CSV)": Entry(_p("/preventie/convenanten/?formaat=csv")),
    "signals:list (search)": Entry(_p("/signalen/?zoek=GRONINGEN")),
}

# Records whose rows no outsider may change (all of them hold Groningen's work).
GUARDED = [
    "signals.Signal",
    "signals.SignalEvent",
    "signals.SignalShare",
    "signals.Attachment",
    "cases.Subject",
    "cases.SignalLink",
    "cases.TriageDecision",
    "cases.Case",
    "cases.CaseEvent",
    "cases.CaseShare",
    "cases.Inspection",
    "cases.InspectionStop",
    "cases.Visit",
    "cases.Measure",
    "screening.Application",
    "screening.Event",
    "screening.Person",
    "screening.FinancingLine",
    "screening.Answer",
    "screening.Letter",
    "prevention.BusRequest",
    "prevention.TourPlan",
    "prevention.Covenant",
    "prevention.CovenantParty",
]


def _names(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace or ""
            if inner == "admin":
                continue  # the admin's own matrix: test_admin_matrix.py
            yield from _names(pattern.url_patterns, inner or namespace)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or str(pattern.pattern).strip("/")
            yield f"{namespace}:{name}" if namespace else name


def test_every_url_has_an_entry() -> None:
    served = set(_names(get_resolver().url_patterns))
    assert served - set(MATRIX) == set(), "add these URLs to the need-to-know matrix"
    assert set(MATRIX) - served == set(), "these entries name no URL any more"


#: Records anyone may add of their own (a training attempt, a requirement): the owner's
#: rows are guarded.
GUARDED_OWN = {
    "training.Attempt": {"user__username": "ria"},
    "training.Requirement": {"organisation__name": "Gemeente Groningen"},
}


def _fingerprint() -> list[Any]:
    return [list(apps.get_model(label).objects.order_by("pk").values()) for label in GUARDED] + [
        list(apps.get_model(label).objects.filter(**owner).order_by("pk").values())
        for label, owner in GUARDED_OWN.items()
    ]


@dataclass
class Actors:
    world: World
    clients: dict[str, Client] = field(default_factory=dict)

    def client(self, name: str) -> Client:
        if name not in self.clients:
            client = Client()
            user = getattr(self.world, name, None)
            if user is not None:
                assert client.login(username=user.username, password=PASSWORD)
            self.clients[name] = client
        return self.clients[name]


@pytest.fixture
def world(db: Any) -> World:
    return build()


OUTSIDERS = ("bas", "agent", "roleless", "anonymous")


def _text(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def _secrets(world: World) -> list[str]:
    """What only Groningen may read: its texts and the codes naming its records."""
    return [
        MARKER,
        world.signal.receipt,
        world.confidential.receipt,
        world.application.reference,
        world.bus_request.reference,
    ]


def test_no_reader_but_the_owner_gets_groningens_text(world: World) -> None:
    actors = Actors(world)
    secrets = _secrets(world)
    leaks = []
    for name, entry in {**MATRIX, **VARIANTS}.items():
        path = entry.path(world)
        asked = [s for s in secrets if s not in path]  # a code the reader typed is no leak
        for actor in ("ria", *OUTSIDERS):
            response = actors.client(actor).get(path)
            assert response.status_code < 500, (name, actor, response.status_code)
            text = _text(response)
            if actor != "ria":
                leaks += [(name, actor, s) for s in asked if s in text]
            elif entry.owner_sees:
                assert any(s in text for s in secrets), f"{name}: the owner sees nothing"
    assert leaks == [], "\n".join(map(str, leaks))


def test_the_police_partner_gets_the_shared_text_and_only_that(world: World) -> None:
    client = Actors(world).client("agent")
    for path in (f"/signalen/{world.shared.pk}/", "/signalen/"):
        text = _text(client.get(path))
        assert MARKER not in text
    detail = _text(client.get(f"/signalen/{world.shared.pk}/"))
    assert SHARED in detail
    assert client.get(f"/signalen/{world.shared.pk}/bijlage/1/").status_code == 404
    listing = _text(client.get("/signalen/"))
    assert world.shared.receipt in listing
    assert world.signal.receipt not in listing and world.confidential.receipt not in listing


def test_no_outsider_changes_groningens_records(world: World) -> None:
    actors = Actors(world)
    before = _fingerprint()
    for name, entry in MATRIX.items():
        if entry.public_write:
            continue
        path = entry.path(world)
        for actor in OUTSIDERS:
            for data in entry.posts:
                payload = {**data, "organisatie": world.assen.pk}
                response = actors.client(actor).post(path, payload)
                assert response.status_code < 500, (name, actor, response.status_code)
        assert _fingerprint() == before, f"{name}: an outsider changed Groningen's records"


def test_the_owner_can_change_what_the_outsiders_could_not(world: World) -> None:
    """The control for the test above: the same kind of POST by Groningen's own official
    does change the signal, so the outsiders' payloads were not simply rejected as
    nonsense."""
    before = _fingerprint()
    response = Actors(world).client("ria").post(f"/signalen/{world.signal.pk}/actie/", NOTE)
    assert response.status_code in {200, 302}
    assert _fingerprint() != before
