"""Cases: states only along the transition table (every pair tested), a timeline with who
and when, and sensitive cases invisible to anyone not named, on every URL and the API."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from weerbaar.accounts.models import AuditAction, AuditEvent
from weerbaar.cases.models import Case, CaseEvent, CaseState, Subject
from weerbaar.cases.services import workflow
from weerbaar.cases.tests.factories import case_handler
from weerbaar.signals.services.intake import IntakeInput, LocationInput, submit
from weerbaar.signals.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(orgs: dict[str, Any]) -> dict[str, Any]:
    return {
        "ria": case_handler(orgs["groningen"], "ria-zaak"),
        "sam": case_handler(orgs["groningen"], "sam-zaak"),
        "bas": case_handler(orgs["assen"], "bas-zaak"),
    }


@pytest.fixture
def subject(country: dict[str, Any]) -> Subject:
    submit(
        IntakeInput(
            description="Kapperszaak zonder klanten.",
            location=LocationInput(
                kind="adres",
                street="Hoofdstraat",
                house_number=12,
                postcode="9711AB",
                municipality=country["GM0014"],
            ),
        ),
        channel="publiek",
    )
    return Subject.objects.get()


def login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


ALL_PAIRS = [(a, b) for a, b in itertools.product(CaseState.values, repeat=2) if a != b]


@pytest.mark.parametrize(("start", "to"), ALL_PAIRS)
def test_every_transition_allowed_or_refused(
    start: str, to: str, team: dict[str, Any], subject: Subject
) -> None:
    case = workflow.open_case("Kapper", actor=team["ria"], subjects=[subject])
    Case.objects.filter(pk=case.pk).update(state=start)
    case.refresh_from_db()
    if to in workflow.TRANSITIONS[start]:
        event = workflow.change_state(case, to, actor=team["ria"], note="stap", confirmed=True)
        case.refresh_from_db()
        assert case.state == to and (event.state_from, event.state_to) == (start, to)
        expected = workflow.DEADLINE_DAYS[to]
        assert (case.deadline is None) == (expected is None)
    else:
        with pytest.raises(workflow.WorkflowError, match="geen toegestane stap"):
            workflow.change_state(case, to, actor=team["ria"])
        case.refresh_from_db()
        assert case.state == start


def test_closing_a_case_needs_a_reason_and_a_confirmation(
    team: dict[str, Any], subject: Subject
) -> None:
    case = workflow.open_case("Kapper", actor=team["ria"], subjects=[subject])
    with pytest.raises(workflow.WorkflowError, match="Kies eerst"):
        workflow.change_state(case, "", actor=team["ria"])
    with pytest.raises(workflow.WorkflowError, match="waarom"):
        workflow.change_state(case, CaseState.GESLOTEN, actor=team["ria"], confirmed=True)
    with pytest.raises(workflow.WorkflowError, match="Bevestig"):
        workflow.change_state(case, CaseState.GESLOTEN, actor=team["ria"], note="klaar")
    case.refresh_from_db()
    assert case.state == CaseState.INTAKE


def test_timeline_shows_every_change_with_who_and_when(
    team: dict[str, Any], subject: Subject
) -> None:
    client = login(team["ria"])
    response = client.post(
        reverse("cases:case_new"),
        {"object": subject.pk, "titel": "Kapper Hoofdstraat", "kenmerk_riec": "RIEC-2026-17"},
    )
    case = Case.objects.get()
    assert response.status_code == 302 and case.partner_references == {"riec": "RIEC-2026-17"}
    assert list(case.signals.all()) == [subject.links.get().signal]
    client.post(
        reverse("cases:case_action", args=[case.pk]),
        {"actie": "fase", "fase": "onderzoek", "tekst": "Opgepakt"},
    )
    login(team["sam"]).post(
        reverse("cases:case_action", args=[case.pk]), {"actie": "fase", "fase": "controle_gepland"}
    )
    refused = client.post(
        reverse("cases:case_action", args=[case.pk]), {"actie": "fase", "fase": "intake"}
    )
    assert refused.status_code == 302
    events = list(CaseEvent.objects.filter(case=case).order_by("id"))
    assert [(e.kind, e.state_to, e.actor.username) for e in events] == [
        ("aangemaakt", "intake", "ria-zaak"),
        ("fase", "onderzoek", "ria-zaak"),
        ("fase", "controle_gepland", "sam-zaak"),
    ]
    page = client.get(reverse("cases:case", args=[case.pk])).content.decode()
    assert "sam-zaak" in page and "Opgepakt" in page and "RIEC" in page
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="cases.case").exists()


def test_sensitive_case_is_invisible_to_anyone_not_named(
    team: dict[str, Any], subject: Subject
) -> None:
    case = workflow.open_case(
        "Geheim onderzoek", actor=team["ria"], subjects=[subject], sensitive=True
    )
    open_case = workflow.open_case("Gewone zaak", actor=team["ria"], subjects=[subject])
    colleague = login(team["sam"])  # same organisation, not named
    urls = [
        ("get", reverse("cases:case", args=[case.pk]), {}),
        ("post", reverse("cases:case_action", args=[case.pk]), {"actie": "notitie", "tekst": "x"}),
        ("get", f"/api/v1/cases/{case.pk}", {}),
    ]
    for method, url, data in urls:
        assert getattr(colleague, method)(url, data).status_code == 404, url
    listing = colleague.get(reverse("cases:cases")).content.decode()
    assert "Geheim onderzoek" not in listing and "Gewone zaak" in listing
    found = colleague.get(reverse("cases:cases") + "?zoek=Geheim").content.decode()
    assert "0 zaken" in found and "Geheim onderzoek" not in found
    export = colleague.get(reverse("cases:cases") + "?formaat=csv")
    assert export["Content-Type"].startswith("text/csv")
    csv = export.content.decode()
    assert "Gewone zaak" in csv and "Geheim" not in csv
    api = colleague.get("/api/v1/cases").json()["results"]
    assert [c["id"] for c in api] == [open_case.pk]
    owner = login(team["ria"])
    assert owner.get(reverse("cases:case", args=[case.pk])).status_code == 200
    assert {c["id"] for c in owner.get("/api/v1/cases").json()["results"]} == {
        case.pk,
        open_case.pk,
    }
    # naming a colleague opens it for them
    case.named_users.add(team["sam"])
    assert colleague.get(reverse("cases:case", args=[case.pk])).status_code == 200


def test_superuser_not_named_does_not_see_a_sensitive_case(
    team: dict[str, Any], subject: Subject
) -> None:
    from weerbaar.accounts.models import User

    case = workflow.open_case("Geheim", actor=team["ria"], subjects=[subject], sensitive=True)
    admin = User.objects.create_superuser("beheer", password=PASSWORD)
    client = login(admin)
    assert client.get(reverse("cases:case", args=[case.pk])).status_code == 404
    assert "Geheim" not in client.get(reverse("cases:cases")).content.decode()


def test_other_municipality_sees_no_case(team: dict[str, Any], subject: Subject) -> None:
    case = workflow.open_case("Kapper", actor=team["ria"], subjects=[subject])
    other = login(team["bas"])
    assert other.get(reverse("cases:case", args=[case.pk])).status_code == 404
    assert "Kapper" not in other.get(reverse("cases:cases")).content.decode()
    assert other.get("/api/v1/cases").json()["results"] == []


def test_opening_needs_a_title_and_known_references(team: dict[str, Any]) -> None:
    with pytest.raises(workflow.WorkflowError, match="titel"):
        workflow.open_case(" ", actor=team["ria"])
    with pytest.raises(workflow.WorkflowError, match="kenmerk"):
        workflow.open_case("x", actor=team["ria"], references={"fbi": "1"})
    response = login(team["ria"]).post(reverse("cases:case_new"), {"titel": ""})
    assert response.status_code == 400


def test_api_rejects_an_unknown_state(team: dict[str, Any]) -> None:
    response = login(team["ria"]).get("/api/v1/cases?state=onzin")
    assert response.status_code == 400 and "Onbekende fase" in response.content.decode()


def test_routing_first_matching_rule_wins(country: dict[str, Any], orgs: dict[str, Any]) -> None:
    from weerbaar.cases.models import RoutingRule
    from weerbaar.cases.services import routing
    from weerbaar.signals.models import Category

    drugs = Category.objects.get(slug="drugs-productie")
    police = orgs["meldpunt"]
    RoutingRule.objects.create(order=10, category=drugs, area=country["PV20"], organisation=police)
    RoutingRule.objects.create(order=20, area=country["GM0014"], organisation=orgs["groningen"])
    RoutingRule.objects.create(
        order=5, category=drugs, area=country["GM0106"], organisation=orgs["assen"], is_active=False
    )
    signal = submit(
        IntakeInput(
            description="Hennep",
            location=LocationInput(kind="gebied", municipality=country["GM0014"]),
            category=drugs,
        ),
        channel="ambtenaar",
        user=orgs["user_groningen"],
    ).signal
    route = routing.propose(signal)
    assert route is not None and route.rule.organisation == police and "regel 10" in route.reason
    other = submit(
        IntakeInput(
            description="Iets",
            location=LocationInput(kind="gebied", municipality=country["GM0014"]),
        ),
        channel="publiek",
    ).signal
    assert routing.propose(other).rule.organisation == orgs["groningen"]
    nowhere = submit(
        IntakeInput(description="Iets", location=LocationInput(kind="onbekend")), channel="publiek"
    ).signal
    assert routing.propose(nowhere) is None


def test_sharing_a_case_sends_only_the_checked_summary(
    team: dict[str, Any], subject: Subject, orgs: dict[str, Any]
) -> None:
    case = workflow.open_case("Kapper Hoofdstraat 12", actor=team["ria"], subjects=[subject])
    workflow.add_note(case, "Buurvrouw op nummer 14 belde, zie signaal.", actor=team["ria"])
    client = login(team["ria"])
    url = reverse("cases:case_share", args=[case.pk])
    check = client.post(
        url, {"actie": "controleer", "samenvatting": "Mijn buurman zag het vanuit mijn raam"}
    )
    assert check.content.decode().count("<mark") >= 2
    refused = client.post(
        url,
        {
            "actie": "delen",
            "samenvatting": "x",
            "organisatie": orgs["assen"].pk,
            "grondslag": "RIEC",
        },
    )
    assert refused.status_code == 400 and not case.shares.exists()
    done = client.post(
        url,
        {
            "actie": "delen",
            "samenvatting": "Vermoedelijk dekmantelbedrijf; controle gepland.",
            "organisatie": orgs["assen"].pk,
            "grondslag": "RIEC-convenant",
            "nagelezen": "1",
        },
    )
    assert done.status_code == 302
    partner = login(team["bas"])
    page = partner.get(reverse("cases:case", args=[case.pk])).content.decode()
    assert (
        "Vermoedelijk dekmantelbedrijf" in page
        and "Buurvrouw" not in page
        and "Tijdlijn" not in page
    )
    note = partner.post(
        reverse("cases:case_action", args=[case.pk]), {"actie": "notitie", "tekst": "x"}
    )
    assert note.status_code == 403
    assert CaseEvent.objects.filter(case=case, kind="gedeeld").exists()
    secret = workflow.open_case("Geheim", actor=team["ria"], subjects=[subject], sensitive=True)
    with pytest.raises(workflow.WorkflowError, match="gevoelige"):
        workflow.share(
            secret, orgs["assen"], summary="x", legal_basis="y", reviewed=True, actor=team["ria"]
        )


def test_the_cases_api_pages_instead_of_stopping_at_500(
    orgs: dict[str, Any], team: dict[str, Any]
) -> None:
    """The list used to end silently at 500 cases; now it says how many there are and
    pages through all of them, and refuses a page size above the maximum."""
    from weerbaar.cases.models import Case

    Case.objects.bulk_create(
        Case(title=f"Zaak {n}", owner_organisation=orgs["groningen"], created_by=team["ria"])
        for n in range(520)
    )
    client = login(team["ria"])
    first = client.get("/api/v1/cases?pageSize=500").json()
    assert first["count"] == 520 and len(first["results"]) == 500 and first["next"]
    second = client.get("/api/v1/cases?pageSize=500&page=2").json()
    assert len(second["results"]) == 20 and second["next"] is None
    too_many = client.get("/api/v1/cases?pageSize=501")
    assert too_many.status_code == 400
    assert "pageSize" in too_many.content.decode()
