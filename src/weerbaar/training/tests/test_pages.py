"""The training as an official and a coordinator use it, in plain HTML forms (no
JavaScript): a scenario from start to feedback, the sandbox that stores nothing, and the
coordinator's list of who is due with the requirements and the export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html import escape

import pytest
from django.test import Client
from django.utils import timezone

from weerbaar.accounts.models import AuditEvent, User
from weerbaar.accounts.services import roles
from weerbaar.accounts.tests.factories import organisation
from weerbaar.signals.models import ChecklistIndicator, Signal, SignalEvent
from weerbaar.training.models import Attempt, Requirement

pytestmark = pytest.mark.django_db

PASSWORD = "training-wachtwoord-2026"


def _user(org, username: str, *keys: str, **fields) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, organisation=org, **fields
    )
    for key in keys:
        user.groups.add(roles.role(key))
    return User.objects.get(pk=user.pk)


@pytest.fixture
def org():
    return organisation("Gemeente Zuidhorn")


@pytest.fixture
def official(org) -> User:
    return _user(org, "ambtenaar", "ambtenaar", first_name="Anna", last_name="de Vries")


@pytest.fixture
def learner(client: Client, official: User) -> Client:
    client.force_login(official)
    return client


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _walk(client: Client, slug: str, ticks: dict[int, list[str]], action: str) -> Attempt:
    """Go through a scenario as the forms ask: start, every step, the decision."""
    started = client.post(f"/training/{slug}/")
    assert started.status_code == 302
    attempt = Attempt.objects.latest("pk")
    for number, step in enumerate(attempt.scenario.content["steps"], start=1):
        data: dict[str, object] = {"indicatoren": ticks.get(number, [])}
        if step.get("question"):
            data["antwoord"] = "0"
        response = client.post(f"/training/poging/{attempt.pk}/stap/{number}/", data)
        assert response.status_code == 302, _text(response)
    done = client.post(f"/training/poging/{attempt.pk}/besluit/", {"vervolg": action})
    assert done.status_code == 302
    assert done["Location"] == f"/training/poging/{attempt.pk}/"
    attempt.refresh_from_db()
    return attempt


def test_the_index_offers_every_scenario_per_target_group(learner: Client) -> None:
    page = _text(learner.get("/training/"))
    for title in ("Een aanvraag voor een horecavergunning", "Vergunningverlening", "School"):
        assert title in page
    assert "U heeft nog geen scenario afgerond." in page


def test_a_step_shows_the_checklist_and_refuses_a_missing_answer(learner: Client) -> None:
    learner.post("/training/horeca-vergunning/")
    attempt = Attempt.objects.get()
    first = _text(learner.get(f"/training/poging/{attempt.pk}/stap/1/"))
    assert "Stap 1 van 3" in first and "De aanvraag" in first
    label = ChecklistIndicator.objects.get(slug="contant").label
    assert f'value="contant"> {label}' in first
    assert "/static/training/beelden/aanvraag.svg" in first
    # step 2 has a question: without an answer nothing is stored, and the ticks stay
    refused = learner.post(f"/training/poging/{attempt.pk}/stap/2/", {"indicatoren": ["stroman"]})
    assert refused.status_code == 400
    text = _text(refused)
    assert "Kies een antwoord op de vraag." in text
    assert 'value="stroman" checked' in text
    attempt.refresh_from_db()
    assert "2" not in attempt.answers.get("steps", {})


def test_an_official_completes_a_scenario_and_sees_found_and_missed(learner: Client) -> None:
    attempt = _walk(
        learner,
        "bedrijf-zonder-klanten",
        {1: ["geen-klanten"]},
        "niets",
    )
    assert attempt.is_finished and attempt.action_right is False
    page = _text(learner.get(f"/training/poging/{attempt.pk}/"))
    labels = dict(ChecklistIndicator.objects.values_list("slug", "label"))
    content = attempt.scenario.content
    for step in content["steps"]:
        for signal in step["signals"]:
            state = "Gevonden" if signal["indicator"] == "geen-klanten" else "Gemist"
            assert f"{state}:</strong> {labels[signal['indicator']]}" in page
    # "nothing" where the scenario expects the signals meeting: wrong, with the reason
    assert "Niets doen — niet goed." in page
    assert escape(content["decision"]["why"]["niets"]) in page
    assert "gso" in content["decision"]["right"]
    assert escape(content["decision"]["why"]["gso"]) in page


def test_the_attempt_is_the_learners_own(learner: Client, org) -> None:
    attempt = _walk(learner, "horeca-vergunning", {}, "weerbaar")
    colleague = _user(org, "collega", "trainingscoordinator", is_staff=True)
    other = Client()
    other.force_login(colleague)
    for path in ("", "stap/1/", "besluit/", "oefenen/"):
        assert other.get(f"/training/poging/{attempt.pk}/{path}").status_code == 404
    assert other.post(f"/training/poging/{attempt.pk}/opnieuw/").status_code == 404


def test_a_finished_attempt_redirects_to_its_feedback_and_can_be_done_again(
    learner: Client,
) -> None:
    attempt = _walk(learner, "horeca-vergunning", {1: ["contant"]}, "weerbaar")
    step = learner.get(f"/training/poging/{attempt.pk}/stap/1/")
    assert step.status_code == 302 and step["Location"] == f"/training/poging/{attempt.pk}/"
    again = learner.post(f"/training/poging/{attempt.pk}/opnieuw/")
    fresh = Attempt.objects.latest("pk")
    assert fresh.pk != attempt.pk and not fresh.is_finished
    assert again["Location"] == f"/training/poging/{fresh.pk}/stap/1/"
    page = _text(learner.get("/training/"))
    assert "Verder waar u was" in page
    assert "Wat u eerder deed" in page and "Een aanvraag voor een horecavergunning" in page


def test_a_removed_indicator_shows_the_scenario_as_unavailable(learner: Client) -> None:
    ChecklistIndicator.objects.filter(slug="contant").update(is_active=False)
    page = _text(learner.get("/training/horeca-vergunning/"))
    assert "tijdelijk niet beschikbaar" in page
    assert escape("indicator 'contant' staat niet (meer) in de checklist") in page
    refused = learner.post("/training/horeca-vergunning/")
    assert refused.status_code == 400 and not Attempt.objects.exists()


def test_the_decision_page_says_where_a_recorded_signal_lands(learner: Client) -> None:
    learner.post("/training/horeca-vergunning/")
    attempt = Attempt.objects.get()
    early = learner.get(f"/training/poging/{attempt.pk}/besluit/")
    assert early["Location"] == f"/training/poging/{attempt.pk}/stap/1/"
    for number in (1, 2, 3):
        learner.post(
            f"/training/poging/{attempt.pk}/stap/{number}/",
            {"antwoord": "1"} if number == 2 else {},
        )
    page = _text(learner.get(f"/training/poging/{attempt.pk}/besluit/"))
    assert "Een signaal vastleggen in Weerbaar, met de checklist" in page
    assert "In uw organisatie komt een signaal over" in page
    refused = learner.post(f"/training/poging/{attempt.pk}/besluit/", {"vervolg": "bellen"})
    assert refused.status_code == 400 and "Kies wat u nu doet." in _text(refused)


def test_practising_stores_no_signal_and_writes_no_audit_event(learner: Client) -> None:
    attempt = _walk(learner, "horeca-vergunning", {}, "weerbaar")
    events = AuditEvent.objects.count()
    form = _text(learner.get(f"/training/poging/{attempt.pk}/oefenen/"))
    assert "Dit is een oefening." in form
    assert "eigen middelen € 180.000" in form  # prefilled from the scenario
    checked = learner.post(
        f"/training/poging/{attempt.pk}/oefenen/",
        {
            "category": "witwassen",
            "description": attempt.scenario.content["practice"]["description"],
            "indicators": ["contant", "stroman", "geen-klanten"],
            "source": "eigen_waarneming",
            "confidentiality": "normaal",
            "location_kind": "onbekend",
        },
    )
    text = _text(checked)
    assert checked.status_code == 200, text
    assert "Zo zou uw signaal zijn vastgelegd" in text
    labels = dict(ChecklistIndicator.objects.values_list("slug", "label"))
    assert f"Aangevinkt:</strong> {labels['contant']}" in text
    assert f"Niet aangevinkt:</strong> {labels['haast-druk']}" in text
    assert labels["geen-klanten"] in text.split("U vinkte ook aan")[1]
    assert Signal.objects.count() == 0 and SignalEvent.objects.count() == 0
    assert AuditEvent.objects.count() == events
    empty = learner.post(f"/training/poging/{attempt.pk}/oefenen/", {})
    assert empty.status_code == 400 and "Er is iets niet goed ingevuld" in _text(empty)
    assert AuditEvent.objects.count() == events


@pytest.fixture
def coordinator(client: Client, org) -> Client:
    client.force_login(_user(org, "coordinator", "trainingscoordinator"))
    return client


def test_only_a_coordinator_reaches_the_overview(learner: Client) -> None:
    assert learner.get("/training/overzicht/").status_code == 403
    assert learner.get("/training/overzicht/export.csv").status_code == 403


def test_a_refresher_is_due_a_year_later_and_the_history_stays(
    coordinator: Client, official: User, settings
) -> None:
    ambtenaar = roles.role("ambtenaar")
    saved = coordinator.post(
        "/training/overzicht/", {"doelgroep": "vergunningen", "rol": ambtenaar.pk, "dagen": "365"}
    )
    assert saved.status_code == 302
    page = _text(coordinator.get("/training/overzicht/"))
    assert "Anna de Vries" in page and "nog nooit gedaan" in page

    learner = Client()
    learner.force_login(official)
    first = _walk(learner, "horeca-vergunning", {}, "weerbaar")
    page = _text(coordinator.get("/training/overzicht/"))
    assert "Niemand hoeft nu de training te doen." in page

    # a year and a day later: due again
    Attempt.objects.filter(pk=first.pk).update(finished_at=timezone.now() - dt.timedelta(days=366))
    page = _text(coordinator.get("/training/overzicht/"))
    assert "Anna de Vries" in page and "opfrissen nodig" in page
    assert "Gevraagd door uw organisatie" in _text(learner.get("/training/"))

    second = _walk(learner, "horeca-vergunning", {}, "weerbaar")
    assert "Niemand hoeft nu de training te doen." in _text(coordinator.get("/training/overzicht/"))
    history = _text(learner.get("/training/"))
    assert history.count("Een aanvraag voor een horecavergunning</a>") >= 2
    assert (
        Attempt.objects.filter(pk__in=[first.pk, second.pk], finished_at__isnull=False).count() == 2
    )

    export = coordinator.get("/training/overzicht/export.csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["organisatie", "medewerker", "gebruikersnaam"]
    anna = next(r for r in rows if r[2] == "ambtenaar")
    assert anna[4] == "vergunningverlening" and anna[7] == "op orde" and anna[9] == "1"
    assert AuditEvent.objects.filter(action="export", object_type="accounts.user").exists()
    xlsx = coordinator.get("/training/overzicht/export.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_the_refresh_period_is_configurable(coordinator: Client, official: User) -> None:
    coordinator.post("/training/overzicht/", {"doelgroep": "vergunningen", "dagen": "90"})
    learner = Client()
    learner.force_login(official)
    done = _walk(learner, "horeca-vergunning", {}, "weerbaar")
    Attempt.objects.filter(pk=done.pk).update(finished_at=timezone.now() - dt.timedelta(days=91))
    assert "opfrissen nodig" in _text(coordinator.get("/training/overzicht/"))


def test_a_bad_requirement_is_refused_and_one_can_be_ended(coordinator: Client, org) -> None:
    for data, message in (
        ({"doelgroep": "bakkers", "dagen": "365"}, "Kies een doelgroep uit de lijst."),
        ({"doelgroep": "school", "dagen": "een jaar"}, "aantal dagen"),
        ({"doelgroep": "school", "dagen": "10"}, "tussen 30 en 1825"),
        ({"doelgroep": "school", "dagen": "365", "rol": "999999"}, "Kies een rol"),
    ):
        refused = coordinator.post("/training/overzicht/", data)
        assert refused.status_code == 400 and message in _text(refused)
    assert not Requirement.objects.exists()
    coordinator.post("/training/overzicht/", {"doelgroep": "school", "dagen": "365"})
    requirement = Requirement.objects.get()
    ended = coordinator.post(f"/training/overzicht/verplichting/{requirement.pk}/beeindigen/")
    assert ended.status_code == 302
    requirement.refresh_from_db()
    assert requirement.is_active is False  # kept, switched off
    elsewhere = Requirement.objects.create(
        organisation=organisation("Gemeente Elders"), target_group="school"
    )
    coordinator.post(f"/training/overzicht/verplichting/{elsewhere.pk}/beeindigen/")
    elsewhere.refresh_from_db()
    assert elsewhere.is_active  # another organisation's requirement stays


def test_the_overview_shows_no_scores(coordinator: Client, official: User) -> None:
    coordinator.post("/training/overzicht/", {"doelgroep": "vergunningen", "dagen": "365"})
    learner = Client()
    learner.force_login(official)
    _walk(learner, "horeca-vergunning", {1: ["contant"]}, "niets")
    page = _text(coordinator.get("/training/overzicht/"))
    export = coordinator.get("/training/overzicht/export.csv").content.decode("utf-8-sig")
    for text in (page, export):
        assert "van 8" not in text and "niet goed" not in text


def _officials(org, count: int, start: int) -> None:
    role = roles.role("ambtenaar")
    for n in range(start, start + count):
        user = User.objects.create_user(username=f"medewerker{n}", organisation=org)
        user.groups.add(role)


def test_the_overview_reads_a_fixed_number_of_queries(
    coordinator: Client, org, django_assert_max_num_queries
) -> None:
    """The due list of a large organisation costs no query per official."""
    coordinator.post("/training/overzicht/", {"doelgroep": "school", "dagen": "365"})
    _officials(org, 5, 0)
    with django_assert_max_num_queries(40) as few:
        assert coordinator.get("/training/overzicht/").status_code == 200
    _officials(org, 60, 5)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        page = coordinator.get("/training/overzicht/")
    assert "Moeten de training doen (66)" in _text(page)  # 65 officials and the coordinator
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_step_reads_as_paragraphs_not_as_the_files_lines(learner: Client) -> None:
    learner.post("/training/horeca-vergunning/")
    attempt = Attempt.objects.get()
    page = learner.get(f"/training/poging/{attempt.pk}/stap/1/").content.decode()
    assert (
        "<p>De aanvrager is een bv die drie maanden geleden is ingeschreven bij de KvK. De enige bestuurder is 22 jaar"
        in page
    )
    assert "<br>" not in page.split('class="scenario-text"')[1].split("</div>")[0]
