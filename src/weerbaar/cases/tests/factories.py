"""Handlers with signals and cases permissions, and signals in three spellings."""

from __future__ import annotations

from weerbaar.accounts.models import Organisation, User
from weerbaar.accounts.tests.factories import member
from weerbaar.signals.tests.factories import HANDLER_PERMISSIONS, PASSWORD

CASE_PERMISSIONS = [
    "view_subject",
    "change_signallink",
    "add_triagedecision",
    "view_case",
    "add_case",
    "change_case",
    "add_caseshare",
    "view_inspection",
    "add_inspection",
    "change_inspection",
]


def case_handler(org: Organisation, username: str, *, cases: bool = True) -> User:
    return member(
        org,
        username,
        apps=["signals", "cases"],
        codenames=HANDLER_PERMISSIONS + (CASE_PERMISSIONS if cases else []),
        role=f"team-{username}",
        password=PASSWORD,
    )
