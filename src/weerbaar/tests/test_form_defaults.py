"""No status, phase or decision changes when a form is sent as the browser sends it with
its defaults: one click on "Status wijzigen" used to close a signal (the list preselected
'afgehandeld'), and the case phase list preselected 'gesloten'."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from weerbaar.cases.models import TriageDecision
from weerbaar.tests.world import PASSWORD, World, build

pytestmark = pytest.mark.django_db


class _Forms(HTMLParser):
    """The fields each form on a page sends when submitted untouched: text as written,
    checkboxes only when checked, a select's selected option or else its first."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._select: str | None = None
        self._select_values: list[tuple[str, bool]] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "fields": {}})
        elif not self.forms:
            return
        elif tag == "input" and a.get("name"):
            if a.get("type") not in {"checkbox", "radio"} or "checked" in a:
                self.forms[-1]["fields"][a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select, self._select_values = a.get("name"), []
        elif tag == "option" and self._select is not None:
            self._select_values.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.forms[-1]["fields"][self._textarea] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None:
            chosen = [v for v, selected in self._select_values if selected]
            first = self._select_values[0][0] if self._select_values else ""
            self.forms[-1]["fields"][self._select] = chosen[0] if chosen else first
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _forms(client: Client, page: str, field: str) -> list[dict[str, Any]]:
    """The forms on ``page`` that send ``field``."""
    parser = _Forms()
    parser.feed(client.get(page).content.decode())
    return [f for f in parser.forms if field in f["fields"]]


def _form(client: Client, page: str, field: str) -> tuple[str, dict[str, Any]]:
    form = _forms(client, page, field)[0]
    return form["action"], form["fields"]


@pytest.fixture
def world() -> World:
    return build()


def _ria(world: World) -> Client:
    client = Client()
    assert client.login(username=world.ria.username, password=PASSWORD)
    return client


def test_the_signal_status_form_sent_as_is_changes_nothing(world: World) -> None:
    client = _ria(world)
    before = world.signal.status
    action, fields = _form(client, f"/signalen/{world.signal.pk}/", "status")
    assert fields["status"] == ""
    response = client.post(action, fields, follow=True)
    assert "Kies eerst een nieuwe status" in response.content.decode()
    world.signal.refresh_from_db()
    assert world.signal.status == before


def test_the_case_phase_form_sent_as_is_changes_nothing(world: World) -> None:
    client = _ria(world)
    before = world.case.state
    action, fields = _form(client, f"/zaken/{world.case.pk}/", "fase")
    assert fields["fase"] == ""
    response = client.post(action, fields, follow=True)
    assert "Kies eerst een fase" in response.content.decode()
    world.case.refresh_from_db()
    assert world.case.state == before


def test_the_triage_decision_form_sent_as_is_decides_nothing(world: World) -> None:
    client = _ria(world)
    decisions = TriageDecision.objects.count()
    forms = _forms(client, "/zaken/triage/", "besluit")
    assert forms, "the triage page offers a decision"
    for form in forms:
        assert form["fields"]["besluit"] == ""
        client.post(form["action"], form["fields"])
    assert TriageDecision.objects.count() == decisions


def test_deciding_to_open_a_case_goes_on_to_the_case_form(world: World) -> None:
    client = _ria(world)
    form = _forms(client, "/zaken/triage/", "besluit")[0]
    response = client.post(
        form["action"], {**form["fields"], "besluit": "zaak_openen", "reden": "Meerdere signalen"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/zaken/nieuw/?object=")
