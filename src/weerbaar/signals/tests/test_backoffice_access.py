"""A user of municipality A cannot list, open or change a signal in municipality B, on
any back-office URL; sharing opens only the shared text; every detail view is audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from weerbaar.accounts.models import AuditAction, AuditEvent
from weerbaar.signals.models import Confidentiality, Signal, Status
from weerbaar.signals.services import sharing
from weerbaar.signals.tests.factories import PASSWORD, jpeg_with_metadata, make_signal

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def in_assen(country: dict[str, Any], orgs: dict[str, Any]) -> Signal:
    from weerbaar.core.images import clean_image

    return make_signal(
        country["GM0106"],
        description="Hennepkwekerij in de schuur aan de Dorpsstraat 4.",
        images=[clean_image(jpeg_with_metadata())],
    ).signal


def every_url(signal: Signal) -> list[tuple[str, str, dict[str, str]]]:
    pk = signal.pk
    return [
        ("get", reverse("signals:detail", args=[pk]), {}),
        ("get", reverse("signals:attachment", args=[pk, 1]), {}),
        ("get", reverse("signals:share", args=[pk]), {}),
        ("post", reverse("signals:share", args=[pk]), {"actie": "controleer", "tekst": "x"}),
        (
            "post",
            reverse("signals:action", args=[pk]),
            {"actie": "status", "status": Status.AFGEHANDELD, "tekst": "klaar", "bevestigd": "ja"},
        ),
        ("post", reverse("signals:action", args=[pk]), {"actie": "notitie", "tekst": "stiekem"}),
        (
            "post",
            reverse("signals:action", args=[pk]),
            {"actie": "categorie", "categorie": "overig"},
        ),
    ]


def test_other_municipality_sees_nothing_on_any_url(in_assen: Signal, orgs: dict[str, Any]) -> None:
    client = client_for(orgs["user_groningen"])
    listing = client.get(reverse("signals:list")).content.decode()
    assert in_assen.receipt not in listing
    csv = client.get(reverse("signals:list") + "?formaat=csv").getvalue().decode()
    assert in_assen.receipt not in csv
    for method, url, data in every_url(in_assen):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (method, url, response.status_code)
    in_assen.refresh_from_db()
    assert in_assen.status == Status.ONTVANGEN and in_assen.events.count() == 1
    assert not AuditEvent.objects.filter(
        object_id=str(in_assen.pk), action=AuditAction.VIEW
    ).exists()


def test_own_municipality_sees_and_handles(in_assen: Signal, orgs: dict[str, Any]) -> None:
    client = client_for(orgs["user_assen"])
    assert in_assen.receipt in client.get(reverse("signals:list")).content.decode()
    for method, url, data in every_url(in_assen):
        response = getattr(client, method)(url, data)
        assert response.status_code in {200, 302}, (method, url, response.status_code)
    in_assen.refresh_from_db()
    assert in_assen.status == Status.AFGEHANDELD
    assert in_assen.category.slug == "overig" and in_assen.category_confirmed


def test_every_detail_view_is_audited(in_assen: Signal, orgs: dict[str, Any]) -> None:
    client = client_for(orgs["user_assen"])
    client.get(reverse("signals:detail", args=[in_assen.pk]))
    client.get(reverse("signals:detail", args=[in_assen.pk]))
    client.get(reverse("signals:attachment", args=[in_assen.pk, 1]))
    views = AuditEvent.objects.filter(action=AuditAction.VIEW, actor=orgs["user_assen"])
    assert views.filter(object_type="signals.signal", object_id=str(in_assen.pk)).count() == 2
    assert views.filter(object_type="signals.attachment").count() == 1


def test_without_the_permission_even_own_area_is_closed(
    in_assen: Signal, orgs: dict[str, Any]
) -> None:
    from weerbaar.signals.tests.factories import handler

    reader = handler(orgs["assen"], "alleen-lezen", ["view_signal"])
    client = client_for(reader)
    assert client.get(reverse("signals:detail", args=[in_assen.pk])).status_code == 200
    response = client.post(
        reverse("signals:action", args=[in_assen.pk]), {"actie": "notitie", "tekst": "x"}
    )
    assert response.status_code == 403
    assert client.get(reverse("signals:new")).status_code == 403


def test_anonymous_visitors_are_sent_to_login(in_assen: Signal) -> None:
    response = Client().get(reverse("signals:detail", args=[in_assen.pk]))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_sharing_opens_only_the_shared_text(in_assen: Signal, orgs: dict[str, Any]) -> None:
    sharing.share(
        in_assen,
        orgs["groningen"],
        text="Hennepkwekerij in een schuur.",
        legal_basis="RIEC-convenant",
        reviewed=True,
        actor=orgs["user_assen"],
    )
    client = client_for(orgs["user_groningen"])
    page = client.get(reverse("signals:detail", args=[in_assen.pk])).content.decode()
    assert "Hennepkwekerij in een schuur." in page
    assert "Dorpsstraat 4" not in page  # the original text stays with Assen
    assert client.get(reverse("signals:attachment", args=[in_assen.pk, 1])).status_code == 404
    response = client.post(
        reverse("signals:action", args=[in_assen.pk]), {"actie": "notitie", "tekst": "x"}
    )
    assert response.status_code == 403


def test_sharing_requires_the_reveal_check(in_assen: Signal, orgs: dict[str, Any]) -> None:
    client = client_for(orgs["user_assen"])
    url = reverse("signals:share", args=[in_assen.pk])
    page = client.get(url).content.decode()
    assert "<mark" in page and "Dorpsstraat 4" in page  # the address is highlighted
    refused = client.post(
        url,
        {"actie": "delen", "tekst": "x", "organisatie": orgs["groningen"].pk, "grondslag": "RIEC"},
    )
    assert refused.status_code == 400 and not in_assen.shares.exists()
    done = client.post(
        url,
        {
            "actie": "delen",
            "tekst": "Kwekerij in een schuur.",
            "organisatie": orgs["groningen"].pk,
            "grondslag": "RIEC-convenant",
            "nagelezen": "1",
        },
    )
    assert done.status_code == 302
    assert in_assen.shares.get().shared_text == "Kwekerij in een schuur."


def test_very_confidential_signal_stays_with_its_organisation(
    country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    """A police officer logs a very confidential signal about Groningen: the municipality
    covering the area does not see it; the officer's own organisation does, but only those
    cleared for the level."""
    from weerbaar.signals.tests.factories import handler, organisation

    police = organisation("Politie Noord-Nederland", kind="politie")
    officer = handler(police, "agent")
    officer.clearance = Confidentiality.ZEER_VERTROUWELIJK
    officer.save()
    colleague = handler(police, "collega")
    signal = make_signal(
        country["GM0014"],
        channel="ambtenaar",
        user=officer,
        category="wapens",
        confidentiality=Confidentiality.ZEER_VERTROUWELIJK,
    ).signal
    assert signal.owner_organisation == police
    groningen = client_for(orgs["user_groningen"])
    assert groningen.get(reverse("signals:detail", args=[signal.pk])).status_code == 404
    assert signal.receipt not in groningen.get(reverse("signals:list")).content.decode()
    assert client_for(officer).get(reverse("signals:detail", args=[signal.pk])).status_code == 200
    uncleared = client_for(colleague)
    assert uncleared.get(reverse("signals:detail", args=[signal.pk])).status_code == 404
    assert signal.receipt not in uncleared.get(reverse("signals:list")).content.decode()


def test_list_filters_sorts_paginates_and_exports(
    country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    for i in range(30):
        make_signal(country["GM0014"], description=f"Melding nummer {i} over drugs")
    make_signal(country["WK001400"], description="In de wijk Centrum", category=None)
    client = client_for(orgs["user_groningen"])
    first = client.get(reverse("signals:list")).content.decode()
    assert "31 signalen" in first and "Pagina 1 van 2" in first
    second = client.get(reverse("signals:list") + "?pagina=2").content.decode()
    assert "Pagina 2 van 2" in second
    found = client.get(reverse("signals:list") + "?zoek=Centrum").content.decode()
    assert "1 signaal" in found
    bad = client.get(reverse("signals:list") + "?status=onzin&van=gisteren")
    assert bad.status_code == 400 and "Onbekende status" in bad.content.decode()
    csv = client.get(reverse("signals:list") + "?gemeente=GM0014&formaat=csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert len(csv.getvalue().decode().strip().splitlines()) == 32  # header + 31
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).count() == 1
    oldest_first = client.get(reverse("signals:list") + "?sorteer=datum").content.decode()
    assert oldest_first.index("M-") != -1


def test_official_form_records_checklist_source_and_confidentiality(
    country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    client = client_for(orgs["user_groningen"])
    page = client.get(reverse("signals:new")).content.decode()
    assert "Grote contante betalingen" in page
    response = client.post(
        reverse("signals:new"),
        {
            "category": "witwassen",
            "description": "Kapperszaak zonder klanten, eigenaar betaalt contant.",
            "indicators": ["geen-klanten", "contant"],
            "source": "eigen_waarneming",
            "confidentiality": "vertrouwelijk",
            "municipality": "GM0014",
            "answer_bedrijfsnaam": "Knip & Co",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    signal = Signal.objects.get()
    assert signal.channel == "ambtenaar" and signal.created_by == orgs["user_groningen"]
    assert signal.category_confirmed and signal.owner_organisation == orgs["groningen"]
    assert sorted(i.slug for i in signal.indicators.all()) == ["contant", "geen-klanten"]
    assert signal.answers == {"bedrijfsnaam": "Knip & Co"}
    missing = client.post(reverse("signals:new"), {"description": "zonder categorie"})
    assert missing.status_code == 400 and "Kies een categorie" in missing.content.decode()


def test_a_police_partner_with_a_work_area_sees_a_signal_only_once_shared(
    country: dict[str, Any], in_assen: Signal, orgs: dict[str, Any]
) -> None:
    """The natural set-up: the police get the province as work area and a read role. The
    area opens nothing; a share opens the shared text only: no photos, no conversation,
    no reporter's own words, and a confidential signal nobody shared stays closed."""
    from weerbaar.signals.services import conversation
    from weerbaar.signals.tests.factories import handler, organisation

    police = organisation("Politie Noord-Nederland", country["PV22"], kind="politie")
    agent = handler(police, "wijkagent", ["view_signal"])
    conversation.ask_reporter(in_assen, "Welke schuur bedoelt u?", actor=orgs["user_assen"])
    confidential = make_signal(
        country["GM0106"],
        channel="ambtenaar",
        user=orgs["user_assen"],
        description="Vertrouwelijk: tip over de eigenaar van de schuur.",
        category="wapens",
        confidentiality=Confidentiality.VERTROUWELIJK,
    ).signal
    client = client_for(agent)
    listing = client.get(reverse("signals:list")).content.decode()
    assert in_assen.receipt not in listing and confidential.receipt not in listing
    for signal in (in_assen, confidential):
        assert client.get(reverse("signals:detail", args=[signal.pk])).status_code == 404
    assert (
        in_assen.receipt
        not in client.get(reverse("signals:list") + "?formaat=csv").getvalue().decode()
    )

    sharing.share(
        in_assen,
        police,
        text="Mogelijke kwekerij in een schuur in Assen.",
        legal_basis="RIEC-convenant",
        reviewed=True,
        actor=orgs["user_assen"],
    )
    page = client.get(reverse("signals:detail", args=[in_assen.pk])).content.decode()
    assert "Mogelijke kwekerij in een schuur in Assen." in page
    for private in ("Dorpsstraat 4", "Welke schuur bedoelt u?", "bijlage"):
        assert private not in page, private
    assert client.get(reverse("signals:attachment", args=[in_assen.pk, 1])).status_code == 404
    assert client.get(reverse("signals:detail", args=[confidential.pk])).status_code == 404


def test_a_signal_seen_by_area_and_by_two_shares_is_listed_once(
    country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    """The scoped list joined the shares and so needed DISTINCT over every column, which
    made each page's count read all signals (450 ms at 100,000); now a share is a
    subquery and a signal can still not appear twice."""
    from weerbaar.signals.services import queries, sharing

    signal = make_signal(country["GM0014"], description="Jongens halen pakjes op.").signal
    for org in (orgs["groningen"], orgs["assen"]):
        sharing.share(
            signal,
            org,
            text="Jongens halen pakjes op.",
            legal_basis="convenant",
            reviewed=True,
            actor=orgs["user_groningen"],
        )
    seen = queries.visible(orgs["user_groningen"])
    assert list(seen.values_list("pk", flat=True)) == [signal.pk]
    assert "DISTINCT" not in str(seen.query)
    listing = client_for(orgs["user_groningen"]).get(reverse("signals:list")).content.decode()
    assert listing.count(signal.receipt) == 1 and "1 signaal" in listing
    assert list(queries.visible(orgs["user_assen"]).values_list("pk", flat=True)) == [signal.pk]
