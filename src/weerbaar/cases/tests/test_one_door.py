"""One door creates objects: a Bibob registration and a signal about the same business or
premises end on one object, whichever comes first, by KvK number or by trade name."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from weerbaar.cases.models import SignalLink, Subject, SubjectKind, SubjectOrigin
from weerbaar.screening.tests.factories import KVK, application, screener
from weerbaar.signals.tests.factories import PASSWORD, handler

pytestmark = pytest.mark.django_db


def _report(user: Any, **answers: str) -> None:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    response = client.post(
        reverse("signals:new") + "?categorie=witwassen",
        {
            "category": "witwassen",
            "description": "Het café is altijd leeg maar draait op volle toeren.",
            "municipality": "GM0014",
            **{f"answer_{k}": v for k, v in answers.items()},
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def people(orgs: dict[str, Any]) -> dict[str, Any]:
    return {
        "screener": screener(orgs["groningen"], "sanne"),
        "official": handler(orgs["groningen"], "olaf"),
    }


def test_signal_naming_the_trade_name_links_to_the_bibob_business(
    country: dict[str, Any], people: dict[str, Any]
) -> None:
    registered = application(country["GM0014"], people["screener"])
    assert registered.business is not None
    assert registered.business.trade_names == ["Café De Hoek B.V."]
    _report(people["official"], bedrijfsnaam="Café De Hoek B.V.")
    assert Subject.objects.filter(kind=SubjectKind.BEDRIJF).count() == 1
    link = SignalLink.objects.get(subject__kind=SubjectKind.BEDRIJF)
    assert link.subject_id == registered.business_id
    link.subject.refresh_from_db()
    assert link.subject.origin == SubjectOrigin.REGISTER  # a signal knows it now


def test_signal_naming_the_kvk_number_links_to_the_bibob_business(
    country: dict[str, Any], people: dict[str, Any]
) -> None:
    registered = application(country["GM0014"], people["screener"])
    _report(people["official"], kvk=KVK)
    assert Subject.objects.filter(kind=SubjectKind.BEDRIJF).count() == 1
    assert SignalLink.objects.get(subject__kind=SubjectKind.BEDRIJF).subject_id == (
        registered.business_id
    )


def test_bibob_registration_after_a_signal_reuses_its_object_and_adds_the_kvk(
    country: dict[str, Any], people: dict[str, Any]
) -> None:
    _report(people["official"], bedrijfsnaam="Cafe de Hoek BV")
    (named,) = Subject.objects.filter(kind=SubjectKind.BEDRIJF)
    assert named.kvk == ""
    registered = application(country["GM0014"], people["screener"])
    assert registered.business_id == named.pk
    named.refresh_from_db()
    assert named.kvk == KVK
    assert named.trade_names == ["Cafe de Hoek BV", "Café De Hoek B.V."]
    assert named.origin == SubjectOrigin.REGISTER


def test_objects_only_an_application_knows_are_not_in_the_register(
    country: dict[str, Any], people: dict[str, Any]
) -> None:
    registered = application(country["GM0014"], people["screener"])
    assert registered.premises is not None
    assert registered.premises.origin == SubjectOrigin.BIBOB
    from weerbaar.cases.tests.factories import case_handler

    colleague = case_handler(people["official"].organisation, "buiten-het-team")
    client = Client()
    assert client.login(username=colleague.username, password=PASSWORD)
    page = client.get(reverse("cases:subjects")).content.decode()
    assert "Grote Markt" not in page and "De Hoek" not in page
    assert client.get(reverse("cases:subject", args=[registered.premises_id])).status_code == 404
    listing = client.get("/api/v1/objects").json()
    assert listing["count"] == 0


def test_migration_merges_duplicate_businesses(
    country: dict[str, Any], people: dict[str, Any]
) -> None:
    """The duplicates the old Bibob door made: one business without trade names, one
    made by a signal; the data migration leaves one, with every link moved to it."""
    from importlib import import_module

    migration = import_module("weerbaar.screening.migrations.0003_one_object_per_business")
    registered = application(country["GM0014"], people["screener"])
    Subject.objects.filter(pk=registered.business_id).update(trade_names=[])
    twin = Subject.objects.create(
        kind=SubjectKind.BEDRIJF,
        key="bedrijf:naam:cafe de hoek b v|GM0014",
        label="Café De Hoek B.V.",
        trade_names=["Café De Hoek B.V."],
        municipality=country["GM0014"],
        created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    _report(people["official"], bedrijfsnaam="Café De Hoek B.V.")
    SignalLink.objects.filter(subject__kind=SubjectKind.BEDRIJF).update(subject=twin)
    migration.forwards(apps, None)
    (business,) = Subject.objects.filter(kind=SubjectKind.BEDRIJF)
    assert business.pk == registered.business_id
    assert business.trade_names == ["Café De Hoek B.V."]
    assert SignalLink.objects.filter(subject=business).count() == 1
