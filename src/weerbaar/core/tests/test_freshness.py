"""A stamp is reused for its seconds, read again after them, and at once when forgotten."""

from __future__ import annotations

import time

import pytest

from weerbaar.core import freshness


@pytest.fixture(autouse=True)
def _forget() -> None:
    freshness.forget()


class Reader:
    """Counts its reads; each read returns the number of reads so far."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self) -> int:
        self.reads += 1
        return self.reads


def test_a_stamp_is_reused_within_its_seconds() -> None:
    read = Reader()
    assert [freshness.fresh("t", read, 60) for _ in range(3)] == [1, 1, 1]
    assert read.reads == 1


def test_a_stamp_is_read_again_after_its_seconds_and_every_time_at_zero() -> None:
    read = Reader()
    assert freshness.fresh("t", read, 0.05) == 1
    time.sleep(0.06)
    assert freshness.fresh("t", read, 0.05) == 2
    assert freshness.fresh("t", read, 0) == 3


def test_a_forgotten_stamp_is_read_at_once_and_others_are_kept() -> None:
    read = Reader()
    freshness.fresh("a", read, 60)
    freshness.fresh("b", read, 60)
    freshness.forget("a")
    assert freshness.fresh("a", read, 60) == 3
    assert freshness.fresh("b", read, 60) == 2
