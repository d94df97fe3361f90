"""The Bibob checks show an official only what that official may see: a confidential
police signal about the premises and another organisation's case stay out of the page,
the API, the letters and the stored snapshot; a hint to ask the RIEC appears where the
level allows it, never for "zeer vertrouwelijk". And an application can only be
registered for premises in the organisation's own area."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from weerbaar.accounts.tests.factories import organisation
from weerbaar.cases.models import Case, CaseState, LinkState, SignalLink
from weerbaar.screening.models import Application, LetterKind
from weerbaar.screening.services import register
from weerbaar.screening.services.checks.links import ASK_RIEC
from weerbaar.screening.tests.factories import PASSWORD, application, new_application
from weerbaar.signals.models import Confidentiality
from weerbaar.signals.services.seeding import seed_defaults
from weerbaar.signals.tests.factories import handler, make_signal

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Informant-7 zag de overdracht in de kelder"
SECRET_CASE = "Operatie Kelderluik"


def _client(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _police_signal(country: Any, level: str) -> Any:
    police = organisation("Politie Noord-Nederland", country["PV20"], kind="politie")
    officer = handler(police, f"agent-{level}")
    officer.clearance = Confidentiality.ZEER_VERTROUWELIJK
    officer.save()
    return make_signal(
        country["GM0014"],
        channel="ambtenaar",
        user=officer,
        description=SECRET_TEXT,
        category="wapens",
        confidentiality=level,
    ).signal


@pytest.fixture
def licence(country: Any, staff: Any) -> Application:
    seed_defaults()
    return application(country["GM0014"], staff["anna"], received_on=dt.date(2026, 10, 1))


def _link(signal: Any, app: Application) -> None:
    SignalLink.objects.create(
        signal=signal, subject=app.premises, state=LinkState.CONFIRMED, score=100, reason="adres"
    )


def _everything_anna_gets(licence: Application, staff: Any) -> str:
    """Page, API, a letter and the assessment's stored snapshot, as one text."""
    client = _client(staff["anna"])
    page = client.get(f"/screening/{licence.pk}/").content.decode()
    api = client.get(f"/api/v1/screening/applications/{licence.pk}").content.decode()
    assess = client.post(
        f"/screening/{licence.pk}/stap/beoordeling/",
        {
            "beoordeling-choice": "lbb",
            "beoordeling-reasons": "Nader onderzoek.",
            "beoordeling-on": "2026-10-20",
        },
    )
    assert assess.status_code == 302
    client.post(f"/screening/{licence.pk}/brieven/", {"brief-kind": LetterKind.LBB_NOTICE})
    letters = " ".join(f"{x.subject} {x.body}" for x in licence.letters.all())
    snapshot = str([e.snapshot for e in licence.events.all()])
    return "\n".join((page, api, letters, snapshot))


def test_confidential_police_signal_and_other_case_stay_hidden_but_hint(
    country: Any, staff: Any, licence: Application
) -> None:
    signal = _police_signal(country, Confidentiality.VERTROUWELIJK)
    _link(signal, licence)
    police_case = Case.objects.create(
        title=SECRET_CASE,
        confidentiality=Confidentiality.VERTROUWELIJK,
        state=CaseState.ONDERZOEK,
        owner_organisation=signal.owner_organisation,
        created_by=signal.created_by,
    )
    police_case.subjects.add(licence.premises)
    seen = _everything_anna_gets(licence, staff)
    for secret in (signal.receipt, SECRET_TEXT, SECRET_CASE, "Wapens", "Politie Noord"):
        assert secret not in seen, secret
    assert ASK_RIEC in seen  # told to ask, never what


def test_a_normal_case_of_another_organisation_in_the_area_is_shown(
    country: Any, staff: Any, licence: Application
) -> None:
    """Not confidential: the municipality sees cases about premises in its area, so its
    screener sees the case (need to know follows the level the owner chose)."""
    police = organisation("Politie Drenthe", kind="politie")
    officer = handler(police, "agent-normaal")
    case = Case.objects.create(
        title="Overlast bij de kelder", owner_organisation=police, created_by=officer
    )
    case.subjects.add(licence.premises)
    page = _client(staff["anna"]).get(f"/screening/{licence.pk}/").content.decode()
    assert "Overlast bij de kelder" in page and ASK_RIEC not in page


def test_very_confidential_signal_gives_no_hint_at_all(
    country: Any, staff: Any, licence: Application
) -> None:
    signal = _police_signal(country, Confidentiality.ZEER_VERTROUWELIJK)
    _link(signal, licence)
    seen = _everything_anna_gets(licence, staff)
    assert signal.receipt not in seen and SECRET_TEXT not in seen
    assert ASK_RIEC not in seen


def test_what_anna_may_see_is_shown_with_its_source_kept_for_retention(
    country: Any, staff: Any, licence: Application
) -> None:
    own = make_signal(country["GM0014"], category="drugs-handel").signal
    _link(own, licence)
    seen = _everything_anna_gets(licence, staff)
    assert own.receipt in seen
    event = licence.events.get(kind="beoordeling")
    (signals_finding,) = [f for f in event.snapshot["findings"] if f["code"] == "signalen"]
    assert signals_finding["sources"] == [f"signals.signal:{own.pk}"]


def test_premises_outside_the_organisations_area_are_refused(country: Any, staff: Any) -> None:
    with pytest.raises(register.OutsideArea) as outside:
        register.create(
            new_application(country["GM0106"]),
            actor=staff["anna"],
            organisation=staff["org"],
        )
    assert "Assen" in str(outside.value) and outside.value.field == "municipality"
    assert not Application.objects.exists()


def test_postcode_in_another_municipality_is_refused_on_the_form(country: Any, staff: Any) -> None:
    """Assen's screener names Assen but types a Groningen postcode (9711, Groningen's PC4
    range): the form says where the address lies, and nothing is registered."""
    from weerbaar.areas.models import PostcodeRange

    PostcodeRange.objects.get_or_create(first=9711, last=9747, municipality_code="GM0014")
    response = _client(staff["eva"]).post(
        "/screening/nieuw/",
        {
            "kind": new_application(country["GM0106"]).kind.pk,
            "requested_decision": "Exploitatievergunning",
            "received_on": "2026-10-01",
            "applicant_name": "Café De Hoek B.V.",
            "applicant_is_business": "1",
            "kvk": "12345679",
            "street": "Grote Markt",
            "house_number": "1",
            "postcode": "9711 LV",
            "place": "Groningen",
            "municipality": country["GM0106"].pk,
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "ligt in de gemeente Groningen, niet in Assen" in page
    assert not Application.objects.exists()


def test_retention_removes_a_deleted_signal_from_the_snapshots(
    country: Any, staff: Any, licence: Application
) -> None:
    from weerbaar.core import retention
    from weerbaar.signals.models import Signal

    own = make_signal(country["GM0014"], category="drugs-handel").signal
    _link(own, licence)
    _everything_anna_gets(licence, staff)
    event = licence.events.get(kind="beoordeling")
    assert own.receipt in str(event.snapshot)
    Signal.objects.filter(pk=own.pk).delete()  # as the signals' retention deletes it
    reports = dict(retention.run_all())
    assert any("1 regel(s)" in line for line in reports["bibob"])
    event.refresh_from_db()
    assert own.receipt not in str(event.snapshot)
    (signals_finding,) = [f for f in event.snapshot["findings"] if f["code"] == "signalen"]
    assert signals_finding["details"] == [] and signals_finding["sources"] == []
