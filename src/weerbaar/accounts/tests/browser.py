"""Logging in through both steps in a browser test, for every app's browser tests."""

from __future__ import annotations

from typing import Any


def log_in(page: Any, username: str, password: str) -> None:
    """Both login steps on the open login page: the password, then a one-time recovery
    code made for this login (an app code could not be used twice within 30 s)."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    from weerbaar.accounts.models import User

    user = User.objects.get(username=username)
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="Herstelcodes", defaults={"confirmed": True}
    )
    code = StaticToken.random_token()
    StaticToken.objects.create(device=device, token=code)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/inloggen/tweede-stap/**")
    page.fill("#code", code)
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url("**/werkplek/")
