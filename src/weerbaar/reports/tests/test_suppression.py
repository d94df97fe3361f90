"""Small numbers from Weerbaar's own records never show, and cannot be worked back."""

from __future__ import annotations

from weerbaar.reports.services.suppression import suppress_row


def test_counts_under_the_minimum_are_hidden_and_zero_is_shown() -> None:
    row = suppress_row({"a": 0, "b": 3, "c": 12, "d": 7}, 5)
    assert row.cells["a"] == 0
    assert row.cells["b"] is None


def test_one_hidden_count_takes_the_smallest_other_with_it() -> None:
    """Otherwise total minus the shown counts gives the hidden one back."""
    row = suppress_row({"a": 3, "b": 12, "c": 7}, 5)
    assert row.cells == {"a": None, "b": 12, "c": None}
    assert row.total == 22


def test_two_hidden_counts_need_no_third() -> None:
    row = suppress_row({"a": 3, "b": 2, "c": 12}, 5)
    assert row.cells == {"a": None, "b": None, "c": 12}


def test_a_small_total_is_hidden_too() -> None:
    row = suppress_row({"a": 3, "b": 0}, 5)
    assert row.cells == {"a": None, "b": 0}
    assert row.total is None


def test_nothing_to_hide_shows_everything() -> None:
    row = suppress_row({"a": 0, "b": 5, "c": 9}, 5)
    assert row.cells == {"a": 0, "b": 5, "c": 9} and row.total == 14
