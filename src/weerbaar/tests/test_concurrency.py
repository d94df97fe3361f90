"""Two officials change one record at once: the row lock makes the second wait and then
check its step against what the first one stored, so the history stays a valid path
through the transition table. And the long solves run outside any transaction."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, connections, transaction

from weerbaar.signals.models import Signal, Status
from weerbaar.signals.services import status
from weerbaar.signals.tests.factories import handler, make_signal, organisation


def _valid_path(signal: Signal) -> None:
    steps = list(signal.events.filter(kind="status").order_by("created_at", "pk"))
    current = Status.ONTVANGEN
    for step in steps:
        assert step.status_from == current, "a step starts where the previous one ended"
        assert step.status_to in status.TRANSITIONS[current], "every step is allowed"
        current = step.status_to
    signal.refresh_from_db()
    assert signal.status == current


@pytest.mark.django_db
def test_a_stale_page_cannot_make_an_invalid_step(country: Any) -> None:
    """Both officials opened the page while it said 'ontvangen'; the first marks it
    'buiten gebied', the second's 'doorgestuurd' is then no allowed step and is refused."""
    official = handler(organisation("Gemeente Groningen", country["GM0014"]), "ria")
    signal = make_signal(country["GM0014"]).signal
    first, second = Signal.objects.get(pk=signal.pk), Signal.objects.get(pk=signal.pk)
    status.change(first, Status.BUITEN_GEBIED, actor=official, note="Assen", confirmed=True)
    with pytest.raises(status.TransitionError):
        status.change(second, Status.DOORGESTUURD, actor=official)
    assert second.status == Status.BUITEN_GEBIED  # the caller's object was refreshed
    _valid_path(signal)


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Rijvergrendeling tussen threads wordt op PostgreSQL getest (CI).",
)
# Real transactions between threads (run last: the flush at the end empties the database).
# No areas of its own: the real-data tests before it may have imported the real ones.
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_status_changes_leave_a_valid_history() -> None:
    official = handler(organisation("Gemeente Parallel"), "ria")
    signal = make_signal(None, channel="ambtenaar", user=official).signal
    targets = [Status.IN_BEHANDELING, Status.AFGEHANDELD, Status.DOORGESTUURD] * 4
    barrier = threading.Barrier(len(targets))
    errors: list[BaseException] = []

    def worker(target: str) -> None:
        stale = Signal.objects.get(pk=signal.pk)
        barrier.wait(timeout=30)
        try:
            status.change(stale, target, actor=official, note="stap", confirmed=True)
        except status.TransitionError:
            pass  # refused against the fresh row: that is the point
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive(), "a status change hung"
    assert errors == []
    _valid_path(signal)


@pytest.mark.django_db
def test_the_tour_solve_runs_outside_any_transaction(monkeypatch: Any) -> None:
    from weerbaar.prevention.services import planning, tour
    from weerbaar.prevention.tests.factories import future, the_bus

    seen: list[bool] = []
    real_solve = tour.solve

    def watching(*args: Any, **kwargs: Any) -> Any:
        # pytest-django wraps each test in one atomic block; anything deeper is ours
        seen.append(len(connection.atomic_blocks) > 1)
        return real_solve(*args, **kwargs)

    monkeypatch.setattr(tour, "solve", watching)
    start = future(14)
    planning.make_plan(the_bus(), start, start, seconds=1)
    assert seen == [False]
    assert transaction.get_autocommit() is False  # still inside the test's own block


@pytest.mark.django_db
def test_the_inspection_route_solve_runs_outside_any_transaction(
    country: Any, monkeypatch: Any
) -> None:
    import datetime as dt
    from decimal import Decimal

    from weerbaar.cases.models import Subject
    from weerbaar.cases.services import dayroute

    official = handler(organisation("Gemeente Groningen", country["GM0014"]), "ria")
    places = [
        Subject.objects.create(
            kind="pand",
            key=f"pand:9711AA|{n}||",
            label=f"Straat {n}",
            latitude=Decimal("53.21") + Decimal(n) / 100,
            longitude=Decimal("6.56"),
            municipality=country["GM0014"],
        )
        for n in (1, 2, 3)
    ]
    day = dayroute.create_day(
        date=dt.date(2026, 12, 10),
        team="Team Noord",
        organisation=official.organisation,
        disciplines=[],
        depot=dayroute.StartPoint(Decimal("53.2194"), Decimal("6.5665"), "Kantoor"),
        subjects=places,
        actor=official,
    )
    seen: list[bool] = []
    real_solve = dayroute.solve

    def watching(*args: Any, **kwargs: Any) -> Any:
        seen.append(len(connection.atomic_blocks) > 1)
        return real_solve(*args, **kwargs)

    monkeypatch.setattr(dayroute, "solve", watching)
    plan = dayroute.plan(day)
    assert seen == [False] and len(plan.legs) == 3


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Rijvergrendeling tussen threads wordt op PostgreSQL getest (CI).",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_audit_events_form_one_unbroken_chain() -> None:
    """Twelve writers at once: the head row lock queues them, nobody forks the chain."""
    from weerbaar.accounts.models import AuditEvent
    from weerbaar.accounts.services import audit, audit_chain

    official = handler(organisation("Gemeente Keten"), "kees")
    barrier = threading.Barrier(12)
    errors: list[BaseException] = []

    def worker() -> None:
        barrier.wait(timeout=30)
        try:
            with transaction.atomic():
                audit.record("view", actor=official, obj=official)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive(), "an audit write hung"
    assert errors == []
    checked, broken = audit_chain.verify()
    assert broken is None
    assert checked == AuditEvent.objects.count() >= 12
