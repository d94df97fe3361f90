"""Objects and links: different spellings meet in one object, fuzzy matches explain
themselves, handlers decide, and the triage list explains its priority."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from weerbaar.accounts.api.authentication import issue
from weerbaar.accounts.models import AuditAction, AuditEvent
from weerbaar.cases.models import LinkState, SignalLink, Subject, TriageDecision
from weerbaar.cases.services import keys, triage
from weerbaar.cases.services.matching import Candidate, MemoryCatalogue, match
from weerbaar.cases.tests.factories import case_handler
from weerbaar.signals.models import Signal
from weerbaar.signals.tests.factories import PASSWORD, handler, organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(orgs: dict[str, Any]) -> dict[str, Any]:
    return {
        "groningen": case_handler(orgs["groningen"], "coordinator"),
        "assen": case_handler(orgs["assen"], "assen-coordinator"),
    }


def login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def three_spellings(team: dict[str, Any], orgs: dict[str, Any]) -> list[Signal]:
    resident = Client().post(
        "/api/v1/public/signals",
        {
            "description": "Bij de shoarmazaak komen nooit klanten.",
            "street": "Hoofdstraat",
            "house_number": "12",
            "house_letter": "a",
            "postcode": "9711 ab",
            "municipality": "GM0014",
        },
    )
    assert resident.status_code == 201, resident.content
    official = login(team["groningen"]).post(
        reverse("signals:new"),
        {
            "category": "witwassen",
            "description": "Contante betalingen, geen klanten.",
            "postcode": "9711AB",
            "house_number": "12",
            "house_letter": "A",
            "source": "eigen_waarneming",
            "confidentiality": "vertrouwelijk",
        },
    )
    assert official.status_code == 302
    service = handler(orgs["groningen"], "politie-koppeling", ["add_signal"])
    _, key = issue(service, "politie")
    partner = Client().post(
        "/api/v1/signals",
        {
            "description": "Melding politie: mogelijk witwassen.",
            "category": "witwassen",
            "source": "partner",
            "street": "Hoofdstr.",
            "house_number": 12,
            "house_letter": "A",
            "place": "Groningen",
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert partner.status_code == 201, partner.content
    return list(Signal.objects.order_by("pk"))


def test_three_spellings_become_one_object_on_the_triage_list(
    team: dict[str, Any], orgs: dict[str, Any]
) -> None:
    signals = three_spellings(team, orgs)
    subjects = Subject.objects.filter(kind="pand")
    assert subjects.count() == 1
    subject = subjects.get()
    assert subject.key == "pand:9711AB|12|A|"
    links = SignalLink.objects.filter(subject=subject)
    assert sorted(link.signal_id for link in links) == [s.pk for s in signals]
    fuzzy = links.get(signal=signals[2])
    assert "lijkt op 'hoofdstraat'" in fuzzy.reason and fuzzy.score >= 85
    page = login(team["groningen"]).get(reverse("cases:triage")).content.decode()
    assert subject.label in page
    assert "verschillende bronnen" in page and "Bijdrage" in page
    item = triage.agenda(Subject.objects.all(), Signal.objects.all())[0]
    assert item.subject == subject and item.facts.count == 3
    parts = {p.name: p for p in item.priority.parts}
    assert parts["bronnen"].score == 1.0  # melder, eigen waarneming, partner
    assert parts["vertrouwelijk"].score == 1.0


def test_object_page_tells_how_many_signals_from_how_many_sources(
    team: dict[str, Any], orgs: dict[str, Any]
) -> None:
    three_spellings(team, orgs)
    subject = Subject.objects.get(kind="pand")
    page = (
        login(team["groningen"]).get(reverse("cases:subject", args=[subject.pk])).content.decode()
    )
    assert "3 signalen over dit object" in page and "3 verschillende bronnen" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="cases.subject", object_id=str(subject.pk)
    ).exists()


def test_handler_confirms_or_rejects_a_link_and_the_decision_is_kept(
    team: dict[str, Any], orgs: dict[str, Any]
) -> None:
    signals = three_spellings(team, orgs)
    link = SignalLink.objects.get(signal=signals[2])
    client = login(team["groningen"])
    detail = client.get(reverse("signals:detail", args=[signals[2].pk])).content.decode()
    assert "Over welk object gaat dit?" in detail and "lijkt op" in detail
    client.post(reverse("cases:decide_link", args=[link.pk]), {"besluit": "afgewezen"})
    link.refresh_from_db()
    assert link.state == LinkState.REJECTED and link.decided_by == team["groningen"]
    item = triage.agenda(Subject.objects.all(), Signal.objects.all())[0]
    assert item.facts.count == 2  # the rejected one no longer counts


def test_other_municipality_sees_no_object_and_cannot_decide(
    team: dict[str, Any], orgs: dict[str, Any]
) -> None:
    signals = three_spellings(team, orgs)
    subject = Subject.objects.get(kind="pand")
    link = SignalLink.objects.get(signal=signals[0])
    client = login(team["assen"])
    assert subject.label not in client.get(reverse("cases:subjects")).content.decode()
    assert subject.label not in client.get(reverse("cases:triage") + "?alle=1").content.decode()
    assert client.get(reverse("cases:subject", args=[subject.pk])).status_code == 404
    assert (
        client.post(
            reverse("cases:decide_link", args=[link.pk]), {"besluit": "bevestigd"}
        ).status_code
        == 404
    )
    response = client.post(
        reverse("cases:triage_decide", args=[subject.pk]), {"besluit": "volgen", "reden": "x"}
    )
    assert response.status_code == 404
    assert client.get(f"/api/v1/objects/{subject.pk}").status_code == 404
    assert client.get("/api/v1/objects").json()["count"] == 0
    link.refresh_from_db()
    assert link.state == LinkState.PROPOSED and not TriageDecision.objects.exists()


def test_meeting_decision_is_recorded_with_reason_and_priority(
    team: dict[str, Any], orgs: dict[str, Any]
) -> None:
    three_spellings(team, orgs)
    subject = Subject.objects.get(kind="pand")
    client = login(team["groningen"])
    refused = client.post(
        reverse("cases:triage_decide", args=[subject.pk]), {"besluit": "bibob", "reden": " "}
    )
    assert refused.status_code == 302 and not TriageDecision.objects.exists()
    client.post(
        reverse("cases:triage_decide", args=[subject.pk]),
        {"besluit": "bibob", "reden": "Vergunningaanvraag loopt; Bibob-toets aanvragen."},
    )
    decision = TriageDecision.objects.get()
    assert decision.decided_by == team["groningen"] and decision.priority["total"] > 0
    # decided and nothing new since: off the list until a new signal arrives
    assert f'id="obj-{subject.pk}"' not in client.get(reverse("cases:triage")).content.decode()


def test_api_lists_links_and_decides(team: dict[str, Any], orgs: dict[str, Any]) -> None:
    signals = three_spellings(team, orgs)
    client = login(team["groningen"])
    links = client.get(f"/api/v1/links?signal={signals[0].receipt}").json()
    assert len(links) == 1 and links[0]["score"] == 100
    response = client.post(
        f"/api/v1/links/{links[0]['id']}", {"state": "bevestigd"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["state"] == "bevestigd"
    bad = client.post(
        f"/api/v1/links/{links[0]['id']}", {"state": "misschien"}, content_type="application/json"
    )
    assert bad.status_code == 400


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("9711 ab", "pand:9711AB|12|A|"), ("9711AB", "pand:9711AB|12|A|")],
)
def test_address_key_ignores_spelling(typed: str, expected: str) -> None:
    assert keys.address_key(typed, 12, "a") == expected


def test_free_address_parsing() -> None:
    parsed = keys.parse_address("Hoofdstraat 12-a, 9711 ab Groningen")
    assert parsed == {
        "street": "Hoofdstraat",
        "house_number": 12,
        "house_letter": "A",
        "house_addition": "",
        "postcode": "9711AB",
        "place": "Groningen",
    }
    assert keys.house_number("12 A 2") == (12, "A", "2")
    assert keys.parse_address("geen adres") is None


@pytest.mark.parametrize(
    ("number", "valid"),
    [("69599084", True), ("69599085", False), ("1234567", False), ("00000000", False)],
)
def test_kvk_check_digit(number: str, valid: bool) -> None:
    assert keys.kvk_valid(number) is valid


def test_fuzzy_match_stays_in_its_block_and_explains() -> None:
    catalogue = MemoryCatalogue()
    catalogue.add("pand:1", "pand|12|A|GM0014", "hoofdstraat")
    catalogue.add("pand:2", "pand|12|A|GM0106", "hoofdstraat")
    candidate = Candidate(
        "pand",
        "pand:straat:x",
        "Hoofdstr. 12A",
        block="pand|12|A|GM0014",
        name=keys.street("Hoofdstr."),
    )
    proposal = match(candidate, catalogue)
    assert proposal.key == "pand:1" and not proposal.new and "lijkt op" in proposal.reason
    far = Candidate(
        "pand", "pand:straat:y", "Kerkstraat 12A", block="pand|12|A|GM0014", name="kerkstraat"
    )
    assert match(far, catalogue).new


def test_a_failing_linker_never_loses_the_report(orgs: dict[str, Any], monkeypatch: Any) -> None:
    from weerbaar.cases.services import linking

    def broken(signal: Any) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(linking, "propose", broken)
    response = Client().post(
        "/api/v1/public/signals",
        {"description": "Hennepgeur", "postcode": "9711AB", "house_number": 3},
    )
    assert response.status_code == 201 and Signal.objects.count() == 1


def test_formula_versions_and_register_text(db: Any) -> None:
    first = triage.current()
    same = triage.save_formula(dict(first.definition))
    assert same.pk == first.pk
    changed = {
        "components": {"signalen": {"weight": 1, "cap": 2}, "bronnen": {"weight": 2, "cap": 3}}
    }
    second = triage.save_formula(changed, note="minder nadruk op aantal")
    assert second.version == first.version + 1
    assert any("gewicht 2" in line for line in triage.register_text(second))
    with pytest.raises(triage.FormulaError):
        triage.save_formula({"components": {"onzin": {"weight": 1}}})
    with pytest.raises(triage.FormulaError):
        triage.save_formula({"components": {"signalen": {"weight": 0}}})


def test_outsider_without_cases_permission_sees_no_triage(orgs: dict[str, Any]) -> None:
    plain = case_handler(organisation("Gemeente X"), "zonder", cases=False)
    assert login(plain).get(reverse("cases:triage")).status_code == 403


def test_a_business_gets_the_address_it_was_reported_at(
    team: dict[str, Any], orgs: dict[str, Any]
) -> None:
    response = login(team["groningen"]).post(
        reverse("signals:new") + "?categorie=witwassen",
        {
            "category": "witwassen",
            "description": "Belwinkel zonder klanten.",
            "postcode": "9711AB",
            "house_number": "12",
            "municipality": "GM0014",
            "answer_bedrijfsnaam": "Bel & Co",
            "answer_kvk": "69599084",
        },
    )
    assert response.status_code == 302
    business = Subject.objects.get(kind="bedrijf")
    assert business.key == "bedrijf:kvk:69599084" and business.trade_names == ["Bel & Co"]
    assert [a.key for a in business.addresses.all()] == ["pand:9711AB|12||"]


def test_a_signal_without_address_business_or_account_is_its_own_object(
    orgs: dict[str, Any],
) -> None:
    response = Client().post("/api/v1/public/signals", {"description": "Mijn buurman Karel dealt."})
    receipt = response.json()["receipt"]
    subject = Subject.objects.get()
    assert subject.kind == "omschrijving" and receipt in subject.label
    assert "Karel" not in subject.label and "Karel" not in subject.key


def test_the_priority_on_screen_follows_from_the_numbers_beside_it(
    team: dict[str, Any], orgs: dict[str, Any]
) -> None:
    """Triage used to show 'prioriteit 65' beside contributions adding up to 6.53, with the
    scaling not shown, and source codes such as 'eigen_waarneming'."""
    three_spellings(team, orgs)
    item = triage.agenda(Subject.objects.all(), Signal.objects.all())[0]
    priority = item.priority
    for part in priority.parts:
        assert part.contribution == round(round(part.score, 2) * part.weight, 2)
    assert round(priority.total) == round(100 * priority.contributions / priority.total_weight)
    page = login(team["groningen"]).get(reverse("cases:triage")).content.decode()
    contributions = f"{priority.contributions:.2f}".replace(".", ",")
    weights = f"{priority.total_weight:g}".replace(".", ",")
    assert f"= {contributions} ÷ {weights} × 100 = {round(priority.total)}." in page
    assert "eigen_waarneming" not in page and "eigen waarneming" in page
