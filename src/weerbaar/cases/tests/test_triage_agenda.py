"""The triage agenda at scale: a page of the top objects in a fixed number of queries,
highest priority first, and a link rejected for one object only leaves that object."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from weerbaar.cases.models import LinkState, SignalLink, Subject
from weerbaar.cases.services import triage
from weerbaar.cases.tests.factories import case_handler
from weerbaar.cases.views.pages import TRIAGE_PAGE
from weerbaar.signals.models import Signal
from weerbaar.signals.tests.factories import PASSWORD, make_signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(orgs: dict[str, Any]) -> Any:
    return case_handler(orgs["groningen"], "coordinator")


def login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def reports(country: dict[str, Any], n: int) -> None:
    for i in range(n):
        make_signal(country["GM0014"], description=f"Bij woning {i} komen steeds jongens langs.")


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_agenda_page_takes_the_same_queries_for_3_or_30_objects(
    country: dict[str, Any], coordinator: Any
) -> None:
    """It ran a signals query and a decision query per object: 55,979 at 100k signals."""
    client = login(coordinator)
    reports(country, 3)
    client.get(reverse("cases:triage"))  # the first visit stores the formula and the session
    few = queries_for(client, reverse("cases:triage"))
    reports(country, 27)
    many = queries_for(client, reverse("cases:triage"))
    assert Subject.objects.count() == 30
    assert many == few


def test_the_agenda_is_paged_with_the_highest_priority_first(
    country: dict[str, Any], coordinator: Any
) -> None:
    reports(country, TRIAGE_PAGE + 5)
    # one object gets a second signal: it rises to the top of the first page
    top = Subject.objects.order_by("pk").last()
    assert top is not None
    extra = make_signal(country["GM0014"], description="Nog een melding over dezelfde woning.")
    SignalLink.objects.filter(signal=extra.signal).update(subject=top)
    client = login(coordinator)
    first = client.get(reverse("cases:triage")).content.decode()
    assert f"{TRIAGE_PAGE + 5} objecten op de agenda" in first
    labels = re.findall(r'<h2 id="obj-(\d+)">', first)
    assert len(labels) == TRIAGE_PAGE and labels[0] == str(top.pk)
    assert "Pagina 1 van 2" in first
    second = client.get(reverse("cases:triage") + "?pagina=2").content.decode()
    shown = re.findall(r'<h2 id="obj-(\d+)">', second)
    assert len(shown) == 5 and not set(shown) & set(labels)
    ranked = triage.ranking(Subject.objects.all(), Signal.objects.all())
    totals = [r.total for r in ranked]
    assert totals == sorted(totals, reverse=True)


def test_a_link_rejected_for_one_object_still_counts_for_the_other(
    country: dict[str, Any], coordinator: Any
) -> None:
    """The agenda dropped a signal everywhere once any of its links was rejected."""
    reports(country, 2)
    first, second = Subject.objects.order_by("pk")
    signal = SignalLink.objects.get(subject=first).signal
    SignalLink.objects.create(
        signal=signal, subject=second, state=LinkState.PROPOSED, score=90, reason="lijkt op"
    )
    SignalLink.objects.filter(subject=first).update(state=LinkState.REJECTED)
    facts = {
        item.subject.pk: item.facts
        for item in triage.agenda(Subject.objects.all(), Signal.objects.all())
    }
    assert first.pk not in facts
    assert facts[second.pk].count == 2
    ranked = triage.ranking(Subject.objects.all(), Signal.objects.all())
    assert [r.subject_id for r in ranked] == [second.pk]  # ranked from the same links


def test_the_ranking_uses_the_same_numbers_the_page_shows() -> None:
    """The agenda is ranked with a quick pass (``ranker``) and the page's rows are built
    with ``priority``: both must give the same total for every kind of object."""
    import datetime as dt

    from django.utils import timezone

    from weerbaar.signals.services.selectors import Facts

    today = timezone.localdate()
    definition = triage.DEFAULT
    rank = triage.ranker(definition, today)
    now = timezone.now()
    for count in (1, 2, 7):
        for sources in (1, 3):
            for days in (0, 1, 29, 400):
                for secret in (False, True):
                    newest = now - dt.timedelta(days=days)
                    facts = Facts(count, 2, newest, secret, sources)
                    local = timezone.localtime(newest).date()
                    assert (
                        rank(count, sources, 2, secret, local)
                        == triage.priority(facts, definition, today).total
                    )
    assert (
        rank(1, 1, 0, False, None)
        == triage.priority(Facts(1, 0, None, False, 1), definition, today).total
    )


def test_a_reader_who_sees_no_signal_has_an_empty_agenda(country: dict[str, Any]) -> None:
    reports(country, 3)
    assert len(triage.ranking(Subject.objects.all(), Signal.objects.none())) == 0
    assert triage.agenda(Subject.objects.all(), Signal.objects.none()) == []


def test_a_decided_object_leaves_the_agenda_until_a_signal_is_linked_again(
    country: dict[str, Any], coordinator: Any
) -> None:
    reports(country, 3)
    everything = Subject.objects.all(), Signal.objects.all()
    first = triage.agenda(*everything)[0]
    triage.decide(first, "volgen", "Wijkagent loopt langs.", actor=coordinator)
    shown = {r.subject_id for r in triage.ranking(*everything)}
    assert first.subject.pk not in shown and len(shown) == 2
    with_decided = {r.subject_id for r in triage.ranking(*everything, include_decided=True)}
    assert first.subject.pk in with_decided and len(with_decided) == 3
    # a rejected link is no news: the object stays off
    other = make_signal(country["GM0014"], description="Een melding over iets anders.").signal
    SignalLink.objects.create(
        signal=other, subject=first.subject, state=LinkState.REJECTED, score=50, reason="nee"
    )
    assert first.subject.pk not in {r.subject_id for r in triage.ranking(*everything)}
    news = make_signal(country["GM0014"], description="Weer jongens bij dezelfde woning.").signal
    SignalLink.objects.create(
        signal=news, subject=first.subject, state=LinkState.PROPOSED, score=90, reason="zelfde"
    )
    again = triage.ranking(*everything)
    assert first.subject.pk in {r.subject_id for r in again}
