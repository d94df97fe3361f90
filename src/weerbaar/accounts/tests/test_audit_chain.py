"""The audit log is a hash chain: a change behind the application's back is found."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from weerbaar.accounts.models import AuditEvent, AuditHead, Organisation, User
from weerbaar.accounts.services import audit, audit_chain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _signing_key(tmp_path: Path, settings: object) -> None:
    settings.WEERBAAR_AUDIT_SIGNING_KEY_FILE = tmp_path / "key.pem"  # type: ignore[attr-defined]


@pytest.fixture
def official() -> User:
    organisation = Organisation.objects.create(name="Gemeente Assen", kind="gemeente")
    return User.objects.create_user(username="ambtenaar", organisation=organisation)


def _events(official: User, count: int) -> list[AuditEvent]:
    return [audit.record("view", actor=official, obj=official) for _ in range(count)]


def _verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def test_events_are_numbered_and_linked(official: User) -> None:
    first, second, third = _events(official, 3)
    assert [first.sequence, second.sequence, third.sequence] == [1, 2, 3]
    assert first.previous_hash == "0" * 64
    assert second.previous_hash == first.hash
    assert third.previous_hash == second.hash
    assert AuditHead.objects.get().hash == third.hash
    assert "3 regels gecontroleerd" in _verify()


def test_every_event_says_action_object_result_origin_actor_and_time(
    client: Client, official: User
) -> None:
    official.set_password("een-lang-wachtwoord-2026")
    official.save()
    client.post("/inloggen/", {"username": "ambtenaar", "password": "een-lang-wachtwoord-2026"})
    assert AuditEvent.objects.get(action="login").channel == "website"
    event = audit.record("view", actor=official, obj=official)
    assert event.channel == "opdracht"  # outside a request
    assert (event.action, event.result, event.object_type, event.object_id) == (
        "view",
        "gelukt",
        "accounts.user",
        str(official.pk),
    )
    assert event.actor == official
    assert event.organisation == official.organisation
    assert event.timestamp is not None


def test_a_row_changed_by_raw_sql_is_named(official: User) -> None:
    _events(official, 5)
    target = AuditEvent.objects.get(sequence=3)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_auditevent SET action = %s WHERE id = %s", ["logout", target.pk]
        )
    with pytest.raises(CommandError) as error:
        _verify()
    assert f"volgnummer 3 (regel {target.pk}, inhoud past niet bij de hash" in str(error.value)
    assert "2 regels ervoor zijn in orde" in str(error.value)


def test_the_base_manager_update_is_found_too(official: User) -> None:
    first = _events(official, 2)[0]
    AuditEvent._base_manager.filter(pk=first.pk).update(action="logout")
    with pytest.raises(CommandError, match="volgnummer 1"):
        _verify()


def test_a_deleted_row_in_the_middle_and_at_the_end_is_found(official: User) -> None:
    events = _events(official, 4)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditevent WHERE id = %s", [events[3].pk])
    with pytest.raises(CommandError, match="eindigt bij volgnummer 3, maar de kop staat op 4"):
        _verify()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditevent WHERE id = %s", [events[1].pk])
    with pytest.raises(CommandError, match="volgnummer 2 ontbreekt"):
        _verify()


def test_a_rewritten_chain_fails_against_the_kept_checkpoint(
    official: User, tmp_path: Path
) -> None:
    _events(official, 3)
    out = StringIO()
    call_command("audit", "controlepunt", stdout=out)
    kept = tmp_path / "controlepunt.txt"
    kept.write_text(out.getvalue())
    public = tmp_path / "public.pem"
    public.write_text(audit_chain.public_key_pem())
    assert "Controlepunt 3 klopt" in _verify_with(kept, public)

    # An insider rewrites event 2 and recomputes every hash after it: the chain holds...
    rewritten = AuditEvent.objects.get(sequence=2)
    rewritten.action = "logout"
    previous = AuditEvent.objects.get(sequence=1).hash
    for event in AuditEvent.objects.filter(sequence__gte=2).order_by("sequence"):
        if event.sequence == 2:
            event.action = "logout"
        event.previous_hash = previous
        event.hash = audit_chain._event_hash(event)
        AuditEvent._base_manager.filter(pk=event.pk).update(
            action=event.action, previous_hash=event.previous_hash, hash=event.hash
        )
        previous = event.hash
    AuditHead.objects.filter(pk=1).update(hash=previous)
    assert "gecontroleerd" in _verify()
    # ...but not against what the independent officer kept.
    with pytest.raises(CommandError, match="regel 3 heeft nu een andere hash"):
        _verify_with(kept, public)


def test_a_forged_checkpoint_is_refused(official: User, tmp_path: Path) -> None:
    _events(official, 1)
    out = StringIO()
    call_command("audit", "controlepunt", stdout=out)
    forged = out.getvalue().replace(" 1 ", " 2 ", 1)
    kept = tmp_path / "vals.txt"
    kept.write_text(forged)
    with pytest.raises(CommandError, match="handtekening van het controlepunt klopt niet"):
        _verify_with(kept, None)


def test_the_signing_key_is_private_to_its_owner(settings: object) -> None:
    audit_chain.signing_key()
    mode = Path(settings.WEERBAAR_AUDIT_SIGNING_KEY_FILE).stat().st_mode  # type: ignore[attr-defined]
    assert mode & 0o077 == 0


def _verify_with(kept: Path, public: Path | None) -> str:
    out = StringIO()
    arguments = ["audit", "verify", "--controlepunt", str(kept)]
    if public is not None:
        arguments += ["--publieke-sleutel", str(public)]
    call_command(*arguments, stdout=out)
    return out.getvalue()


def test_the_rights_report_names_holders_and_changes(official: User) -> None:
    User.objects.create_superuser(username="beheer")
    first = StringIO()
    call_command("audit", "rechten", stdout=first)
    assert "eerste rapport" in first.getvalue()
    assert "beheer — geen organisatie: superuser, medewerker" in first.getvalue()
    assert "ambtenaar" not in first.getvalue()

    official.is_functional_admin = True
    official.is_staff = True
    official.save()
    User.objects.filter(username="beheer").update(is_superuser=False, is_staff=False)
    second = StringIO()
    call_command("audit", "rechten", stdout=second)
    text = second.getvalue()
    assert "sinds" in text
    assert "  + ambtenaar" in text
    assert "  - beheer" in text
