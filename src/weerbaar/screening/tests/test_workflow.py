"""The issue's acceptance path: an alcohol licence for premises with two earlier signals
and a closed case shows those links in its risk picture with the reason for each; the
official records "request LBB advice", which suspends the deadline and yields the notice
letter. Then the rest of the path: advice, intention to refuse, hearing, decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from weerbaar.cases.models import Case, CaseState, LinkState, SignalLink
from weerbaar.core.append_only import AppendOnlyError
from weerbaar.screening.models import Application, Event, LetterKind, State
from weerbaar.screening.services import workflow
from weerbaar.screening.tests.factories import PASSWORD, application
from weerbaar.signals.services.seeding import seed_defaults
from weerbaar.signals.tests.factories import make_signal

pytestmark = pytest.mark.django_db
RECEIVED = dt.date(2026, 10, 1)


@pytest.fixture
def licence(country: Any, staff: Any) -> Application:
    seed_defaults()
    app = application(country["GM0014"], staff["anna"], team=[staff["bram"]], received_on=RECEIVED)
    for text, reason in (
        ("Op de Grote Markt 1 wordt vanuit de kelder gedeald.", "zelfde postcode en huisnummer"),
        (
            "Café aan de Grote Markt, altijd leeg, wel dure auto's.",
            "naam en adres lijken op elkaar",
        ),
    ):
        signal = make_signal(country["GM0014"], description=text, category="drugs-handel").signal
        SignalLink.objects.create(
            signal=signal, subject=app.premises, state=LinkState.CONFIRMED, score=95, reason=reason
        )
    case = Case.objects.create(
        title="Café De Hoek",
        state=CaseState.GESLOTEN,
        owner_organisation=staff["org"],
        created_by=staff["anna"],
    )
    case.subjects.add(app.premises)
    return app


def _client(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_risk_picture_shows_signals_and_case_with_reasons(licence: Application, staff: Any) -> None:
    page = _client(staff["anna"]).get(f"/screening/{licence.pk}/").content.decode()
    assert "Signalen over het pand of de onderneming" in page
    assert "2 signalen over het pand of de onderneming." in page
    assert "zelfde postcode en huisnummer" in page and "naam en adres lijken op elkaar" in page
    assert "Zaken over het pand of de onderneming" in page and "gesloten" in page
    assert "De controles wijzen alleen aan" in page


def test_request_lbb_advice_suspends_deadline_and_makes_the_notice(
    licence: Application, staff: Any
) -> None:
    client = _client(staff["anna"])
    before = workflow.deadline(licence, dt.date(2026, 10, 20))
    assert before.due == RECEIVED + dt.timedelta(weeks=8)
    response = client.post(
        f"/screening/{licence.pk}/stap/beoordeling/",
        {
            "beoordeling-choice": "lbb",
            "beoordeling-reasons": "Twee signalen en een gesloten zaak over het pand.",
            "beoordeling-on": "2026-10-20",
        },
    )
    assert response.status_code == 302
    licence.refresh_from_db()
    assert licence.state == State.LBB and licence.lbb_requested_on == dt.date(2026, 10, 20)
    later = workflow.deadline(licence, dt.date(2026, 11, 3))
    assert later.suspended_days == 14 and later.provisional
    assert later.due == before.due + dt.timedelta(days=14)
    event = licence.events.get(kind="beoordeling")
    assert {f["code"] for f in event.snapshot["findings"] if f["fired"]} >= {"signalen", "zaken"}

    client.post(f"/screening/{licence.pk}/brieven/", {"brief-kind": LetterKind.LBB_NOTICE})
    letter = licence.letters.get()
    assert (
        letter.subject == f"Adviesaanvraag Landelijk Bureau Bibob, uw aanvraag {licence.reference}"
    )
    assert "Alcoholwetvergunning" in letter.body and "artikel 15 van de Wet Bibob" in letter.body
    assert "{" not in letter.body
    download = client.get(f"/screening/{licence.pk}/brieven/{letter.pk}/")
    assert (
        download["Content-Type"].startswith("text/plain")
        and letter.subject in download.content.decode()
    )


def test_advice_then_refusal_only_after_the_hearing(licence: Application, staff: Any) -> None:
    anna = staff["anna"]
    workflow.assess(licence, "lbb", "Signalen.", actor=anna, on=dt.date(2026, 10, 20))
    workflow.lbb_questions(licence, actor=anna, on=dt.date(2026, 11, 2))
    workflow.lbb_questions(licence, actor=anna, on=dt.date(2026, 11, 12), answered=True)
    workflow.lbb_advice(licence, "ernstig", actor=anna, on=dt.date(2026, 12, 1))
    assert licence.state == State.SCREENING and licence.lbb_degree == "ernstig"
    assert workflow.deadline(licence, dt.date(2026, 12, 2)).suspended_days == 42

    with pytest.raises(workflow.StepError, match="voornemen"):
        workflow.decide(
            licence,
            "geweigerd",
            "art. 3 Wet Bibob",
            "Ernstig gevaar.",
            actor=anna,
            on=dt.date(2026, 12, 2),
        )
    workflow.intend_refusal(
        licence, "Ernstig gevaar volgens het LBB.", actor=anna, on=dt.date(2026, 12, 2), weeks=2
    )
    with pytest.raises(workflow.StepError, match="zienswijze loopt tot en met 16-12-2026"):
        workflow.decide(
            licence,
            "geweigerd",
            "art. 3 Wet Bibob",
            "Ernstig gevaar.",
            actor=anna,
            on=dt.date(2026, 12, 10),
        )
    with pytest.raises(workflow.StepError, match="grondslag"):
        workflow.decide(licence, "geweigerd", "", "", actor=anna, on=dt.date(2026, 12, 20))
    workflow.decide(
        licence,
        "geweigerd",
        "art. 3 Wet Bibob",
        "Ernstig gevaar; zienswijze weerlegt het niet.",
        actor=anna,
        on=dt.date(2026, 12, 20),
    )
    licence.refresh_from_db()
    assert licence.state == State.DECIDED and licence.decided_by == anna
    with pytest.raises(workflow.StepError):
        workflow.intend_refusal(licence, "nog eens", actor=anna, on=dt.date(2026, 12, 21))
    kinds = list(licence.events.values_list("kind", flat=True))
    assert kinds == [
        "aangemaakt",
        "beoordeling",
        "lbb-vragen",
        "lbb-vragen",
        "lbb-advies",
        "voornemen",
        "besluit",
    ]
    with pytest.raises(AppendOnlyError):
        Event.objects.filter(application=licence).first().delete()  # type: ignore[union-attr]


def test_pages_refuse_steps_that_are_not_allowed(licence: Application, staff: Any) -> None:
    client = _client(staff["anna"])
    response = client.post(
        f"/screening/{licence.pk}/stap/besluit/",
        {
            "besluit-outcome": "geweigerd",
            "besluit-ground": "art. 3",
            "besluit-reasons": "x",
            "besluit-on": "2026-10-10",
        },
    )
    assert response.status_code == 400
    assert "de aanvrager moet worden gehoord" in response.content.decode()
    response = client.post(
        f"/screening/{licence.pk}/stap/beoordeling/", {"beoordeling-choice": "lbb"}
    )
    assert response.status_code == 400 and "Dit veld is vereist." in response.content.decode()
    assert client.post(f"/screening/{licence.pk}/stap/onbekend/").status_code == 404


def test_more_questions_suspend_until_the_information_arrives(
    licence: Application, staff: Any
) -> None:
    anna = staff["anna"]
    workflow.assess(
        licence, "vragen", "Financiering onduidelijk.", actor=anna, on=dt.date(2026, 10, 5)
    )
    assert licence.state == State.INFO_REQUESTED
    workflow.information_received(licence, actor=anna, on=dt.date(2026, 10, 15))
    deadline = workflow.deadline(licence, dt.date(2026, 10, 20))
    assert deadline.suspended_days == 10 and not deadline.provisional


def test_extension_within_what_the_kind_allows(country: Any, staff: Any) -> None:
    anna = staff["anna"]
    permit = application(country["GM0014"], anna, kind="omgevingsvergunning", received_on=RECEIVED)
    with pytest.raises(workflow.StepError, match="ten hoogste 6 weken"):
        workflow.extend(permit, 8, "Complex.", actor=anna)
    client = _client(anna)
    response = client.post(
        f"/screening/{permit.pk}/stap/verdaging/",
        {"verdaging-weeks": "6", "verdaging-reasons": "Wacht op de Kamer van Koophandel."},
    )
    assert response.status_code == 302
    permit.refresh_from_db()
    assert workflow.deadline(permit, RECEIVED).due == RECEIVED + dt.timedelta(weeks=14)
    with pytest.raises(workflow.StepError, match="al verdaagd"):
        workflow.extend(permit, 1, "Nog eens.", actor=anna)
    licence = application(country["GM0014"], anna, number="9", received_on=RECEIVED)
    with pytest.raises(workflow.StepError, match="niet ingesteld"):
        workflow.extend(licence, 2, "x", actor=anna)
