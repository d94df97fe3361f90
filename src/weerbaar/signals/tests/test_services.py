"""Domain rules: status transitions and history, location and routing, receipts,
category suggestions, the reveal check and retention."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from weerbaar.areas.services.postcodes import normalise_postcode
from weerbaar.core import reveal
from weerbaar.signals.models import AppendOnlyError, EventKind, Signal, SignalEvent, Status
from weerbaar.signals.services import categorise, conversation, receipts, retention
from weerbaar.signals.services import status as status_service
from weerbaar.signals.services.intake import IntakeInput, LocationInput, submit
from weerbaar.signals.tests.factories import make_signal

pytestmark = pytest.mark.django_db


def test_closing_needs_a_reason_and_a_confirmation(
    country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    """One click on a form with its defaults closed a signal without a reason, and the
    reporter saw 'afgesloten'."""
    signal = make_signal(country["GM0014"]).signal
    user = orgs["user_groningen"]
    with pytest.raises(status_service.TransitionError, match="Kies eerst"):
        status_service.change(signal, "", actor=user)
    with pytest.raises(status_service.TransitionError, match="waarom"):
        status_service.change(signal, Status.AFGEHANDELD, actor=user, confirmed=True)
    with pytest.raises(status_service.TransitionError, match="Bevestig"):
        status_service.change(signal, Status.BUITEN_GEBIED, actor=user, note="Assen")
    signal.refresh_from_db()
    assert signal.status == Status.ONTVANGEN
    assert status_service.public_state(signal)[0] == "ontvangen"
    assert not signal.events.filter(kind=EventKind.STATUS).exists()


def test_status_changes_only_along_the_table_and_leave_history(
    country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    signal = make_signal(country["GM0014"]).signal
    user = orgs["user_groningen"]
    status_service.change(signal, Status.IN_BEHANDELING, actor=user, note="Opgepakt")
    with pytest.raises(status_service.TransitionError, match="geen toegestane stap"):
        status_service.change(signal, Status.BUITEN_GEBIED, actor=user)
    status_service.change(signal, Status.AFGEHANDELD, actor=user, note="Klaar", confirmed=True)
    steps = [(e.status_from, e.status_to) for e in signal.events.filter(kind=EventKind.STATUS)]
    assert steps == [("ontvangen", "in_behandeling"), ("in_behandeling", "afgehandeld")]
    assert status_service.public_state(signal) == ("afgesloten", "afgesloten")


def test_history_is_append_only(country: dict[str, Any]) -> None:
    event = make_signal(country["GM0014"]).signal.events.get()
    event.text = "veranderd"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_point_is_placed_in_district_and_municipality(orgs: dict[str, Any]) -> None:
    data = IntakeInput(
        description="Loods met afgeplakte ramen.",
        location=LocationInput(kind="punt", latitude=Decimal("53.22"), longitude=Decimal("6.52")),
    )
    signal = submit(data, channel="publiek").signal
    assert signal.area.code == "WK001400" and signal.municipality.code == "GM0014"
    assert not signal.outside_region and signal.owner_organisation is None


def test_outside_our_area_goes_to_the_intake_point(orgs: dict[str, Any]) -> None:
    data = IntakeInput(
        description="Drugs in Stadskanaal.",
        location=LocationInput(kind="punt", latitude=Decimal("53.05"), longitude=Decimal("6.95")),
    )
    signal = submit(data, channel="publiek").signal
    assert signal.municipality.code == "GM0037"
    assert signal.outside_region and signal.owner_organisation == orgs["meldpunt"]


def test_place_name_or_district_name_finds_the_area(
    country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    by_place = submit(
        IntakeInput(
            description="x",
            location=LocationInput(kind="adres", street="Markt", house_number=1, place="assen"),
        ),
        channel="publiek",
    ).signal
    assert by_place.municipality.code == "GM0106"
    by_district = submit(
        IntakeInput(
            description="x",
            location=LocationInput(
                kind="gebied", municipality=country["GM0014"], district="oud-zuid"
            ),
        ),
        channel="publiek",
    ).signal
    assert by_district.area.code == "WK001401"


def test_postcode_table_places_an_address(
    tmp_path: Any, country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    table = tmp_path / "postcodes.csv"
    table.write_text("postcode,gebiedscode\n9711AB,BU00140000\n9401,GM0106\n", encoding="utf-8")
    with override_settings(WEERBAAR_POSTCODE_FILE=str(table)):
        exact = submit(
            IntakeInput(
                description="x",
                location=LocationInput(kind="adres", postcode="9711AB", house_number=3),
            ),
            channel="publiek",
        ).signal
        by_pc4 = submit(
            IntakeInput(
                description="x",
                location=LocationInput(kind="adres", postcode="9401KL", house_number=3),
            ),
            channel="publiek",
        ).signal
    assert exact.area.code == "BU00140000" and exact.municipality.code == "GM0014"
    assert by_pc4.municipality.code == "GM0106"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9711 ab", "9711AB"),
        ("9711AB", "9711AB"),
        ("0711AB", None),
        ("9711 SS", None),
        ("97111AB", None),
    ],
)
def test_postcode_normalisation(typed: str, expected: str | None) -> None:
    assert normalise_postcode(typed) == expected


def test_receipts_and_secrets() -> None:
    receipt, secret = receipts.new_receipt(), receipts.new_secret()
    assert receipts.normalise_receipt(receipt.lower().replace("-", " ")) == receipt
    assert receipts.secret_matches(secret.lower(), receipts.hash_secret(secret))
    assert not receipts.secret_matches(receipts.new_secret(), receipts.hash_secret(secret))
    assert not receipts.secret_matches("", "")
    assert receipts.normalise_receipt("te kort") == ""


def test_suggestion_names_the_words_that_drove_it() -> None:
    suggestion = categorise.suggest(
        "Mijn zoon van 13 wordt op Snapchat benaderd om pakketjes rond te brengen voor geld."
    )
    assert suggestion is not None and suggestion.slug == "jongeren-werving"
    assert suggestion.confidence >= categorise.threshold()
    assert set(suggestion.terms) <= {
        "mijn",
        "zoon",
        "van",
        "wordt",
        "snapchat",
        "benaderd",
        "pakketjes",
        "rond",
        "brengen",
        "voor",
        "geld",
        "om",
        "op",
    }
    assert "snapchat" in suggestion.terms or "benaderd" in suggestion.terms


def test_no_suggestion_when_unsure() -> None:
    assert categorise.suggest("De lantaarnpaal in onze straat is kapot.") is None
    assert categorise.suggest("   ") is None


def test_held_out_accuracy_is_well_above_chance() -> None:
    """Ten categories: chance is 10%. The measured figure goes in the closing note."""
    result = categorise.evaluate(splits=5)
    assert result.accuracy >= 0.4
    assert result.accuracy_when_suggested >= result.accuracy


def test_suggestion_is_stored_but_not_decided(orgs: dict[str, Any]) -> None:
    signal = submit(
        IntakeInput(
            description="Uit de schuur komt een sterke hennepgeur en de ramen zijn afgeplakt met folie.",
            location=LocationInput(kind="onbekend"),
        ),
        channel="publiek",
    ).signal
    assert signal.suggested_category.slug == "drugs-productie"
    assert signal.category is None and not signal.category_confirmed
    assert signal.suggestion_terms


def test_reveal_check_marks_what_points_to_the_reporter() -> None:
    text = (
        "Vanuit mijn raam zie ik dat mijn buurman elke avond om 22:30 pakketjes afgeeft. "
        "Hij heet Karel Jansen, woont op 9711 AB en zijn auto is 12-ABC-3. Bel 06-12345678."
    )
    reasons = {reason for _s, _e, reason in reveal.find(text)}
    assert {
        "waar de melder stond of woont",
        "relatie met de melder",
        "tijdstip of datum",
        "naam",
        "postcode",
        "kenteken",
        "telefoonnummer",
    } <= reasons
    assert "".join(segment.text for segment in reveal.segments(text)) == text
    assert reveal.find("Bij de loods staan vaak busjes.") == []


def test_purge_anonymises_and_deletes_per_status_and_reports(
    country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    from weerbaar.core.images import clean_image
    from weerbaar.signals.tests.factories import jpeg_with_metadata

    user = orgs["user_groningen"]
    closed = make_signal(
        country["GM0014"], category="drugs-handel", images=[clean_image(jpeg_with_metadata())]
    ).signal
    conversation.ask_reporter(closed, "Welk adres precies?", actor=user)
    status_service.change(closed, Status.AFGEHANDELD, actor=user, note="Klaar", confirmed=True)
    outside = make_signal(country["GM0037"]).signal
    status_service.change(outside, Status.BUITEN_GEBIED, actor=user, note="Klaar", confirmed=True)
    recent = make_signal(country["GM0014"]).signal
    status_service.change(recent, Status.AFGEHANDELD, actor=user, note="Klaar", confirmed=True)
    open_signal = make_signal(country["GM0014"]).signal
    old = timezone.now() - dt.timedelta(days=400)
    Signal.objects.filter(pk__in=[closed.pk, outside.pk, open_signal.pk]).update(
        status_changed_at=old
    )

    dry = retention.purge(dry_run=True)
    assert dry.total == 2 and Signal.objects.count() == 4

    report = retention.purge()
    assert report.anonymised == {"afgehandeld": 1} and report.deleted == {"buiten_gebied": 1}
    assert report.attachments_removed == 1
    closed.refresh_from_db()
    assert closed.description == "[geanonimiseerd]" and closed.secret_hash == ""
    assert closed.municipality.code == "GM0014" and closed.category.slug == "drugs-handel"
    assert not closed.attachments.exists()
    assert not SignalEvent.objects.filter(signal=closed).exclude(text="").exists()
    assert not Signal.objects.filter(pk=outside.pk).exists()
    assert Signal.objects.filter(pk__in=[recent.pk, open_signal.pk]).count() == 2
    assert retention.purge().total == 0  # nothing left to do
    with pytest.raises(conversation.ConversationError):
        conversation.reporter_adds(closed, "nog iets")


def test_purge_command_tells_what_it_did(country: dict[str, Any], capsys: Any) -> None:
    from django.core.management import call_command

    call_command("purge", "--dry-run")
    assert "niets gedaan" in capsys.readouterr().out


@override_settings(WEERBAAR_SIGNAL_RETENTION={"ontvangen": {"days": 1, "action": "delete"}})
def test_open_signals_can_never_get_a_retention_period(db: Any) -> None:
    with pytest.raises(ValueError, match="ontvangen"):
        retention.purge()


def test_a_failing_follower_is_rolled_back_and_the_report_still_lands(
    orgs: dict[str, Any], caplog: Any
) -> None:
    """The object links are made in the report's own transaction (one commit per report);
    a follower that breaks the transaction, as a database error does on PostgreSQL, must
    not take the report with it."""
    from django.db import IntegrityError

    from weerbaar.accounts.models import Organisation
    from weerbaar.signals import events

    def breaks(sender: Any, instance: Any, **kwargs: Any) -> None:
        Organisation.objects.create(name="Half werk")
        raise IntegrityError("kapot")

    events.signal_recorded.connect(breaks)
    try:
        caplog.set_level("ERROR")
        receipt = make_signal(description="Er wordt gedeald bij de bushalte.")
    finally:
        events.signal_recorded.disconnect(breaks)
    assert Signal.objects.filter(pk=receipt.signal.pk).exists()
    assert not Organisation.objects.filter(name="Half werk").exists()
    assert "signal_receiver_failed" in "\n".join(str(r.__dict__) for r in caplog.records)
    assert Signal.objects.count() == 1  # the transaction is still usable afterwards
