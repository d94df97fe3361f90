"""The two login steps in a real browser: enrolment with an authenticator app, the
recovery codes, the second step and the login monitor; axe-core clean, no JavaScript
needed, nothing from other origins."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.models import Organisation, User
from weerbaar.accounts.tests.factories import code
from weerbaar.core.tests.browser import assert_accessible, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "beheer-wachtwoord-2026"
SHOTS = os.environ.get("WEERBAAR_SCREENSHOTS", "")


@pytest.fixture
def site(live_server: Any) -> str:
    organisation = Organisation.objects.create(name="Gemeente Emmen", kind="gemeente")
    User.objects.create_user(
        username="erik",
        password=PASSWORD,
        organisation=organisation,
        is_staff=True,
        is_functional_admin=True,
    )
    return str(live_server.url)


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("javascript", [True, False])
def test_enrol_and_log_in_with_an_authenticator_app(
    browser: Any, site: str, javascript: bool
) -> None:
    # axe-core needs JavaScript; without it the test checks that every step still works
    check = assert_accessible if javascript else (lambda *_: None)
    context = browser.new_context(java_script_enabled=javascript)
    page, errors, foreign = open_page(browser, site + "/zaken/", context=context)
    page.wait_for_url("**/inloggen/**")
    check(page, errors, foreign)
    page.fill("#id_username", "erik")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/inloggen/tweede-stap/instellen/**")
    assert page.locator(".qr svg").is_visible()
    _shot(page, f"enrol-js-{javascript}")
    check(page, errors, foreign)

    page.fill("#code", "000000")
    page.get_by_role("button", name="Bevestigen").click()
    assert page.get_by_text("Deze code klopt niet").first.is_visible()
    errors[:] = [e for e in errors if "status of 400" not in e]  # the refusal itself
    check(page, errors, foreign)

    device = TOTPDevice.objects.get(user__username="erik")
    device.throttling_failure_count = 0  # the wrong code made the next try wait
    device.throttling_failure_timestamp = None
    device.save()
    page.fill("#code", code(device))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_selector("text=Uw herstelcodes")
    codes = re.findall(r"[a-z0-9]{8}", page.locator(".recovery-codes").inner_text())
    assert len(codes) == 10
    _shot(page, f"recovery-js-{javascript}")
    check(page, errors, foreign)
    onward = page.get_by_role("link", name="Ik heb de codes bewaard, ga verder")
    # the link is a button: its text must not take the colour of its own background
    colours = onward.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    assert colours[0] != colours[1]
    onward.click()
    page.wait_for_url("**/zaken/")

    # A new login (another browser) asks the second step; a recovery code opens it.
    other = browser.new_context(java_script_enabled=javascript)
    second, errors, foreign = open_page(browser, site + "/inloggen/", context=other)
    second.fill("#id_username", "erik")
    second.fill("#id_password", PASSWORD)
    second.get_by_role("button", name="Inloggen").click()
    second.wait_for_url("**/inloggen/tweede-stap/**")
    _shot(second, f"second-step-js-{javascript}")
    check(second, errors, foreign)
    second.fill("#code", codes[0])
    second.get_by_role("button", name="Verder").click()
    second.wait_for_url("**/werkplek/")
    second.goto(site + "/werkplek/inlogmonitor/")
    assert second.get_by_role("heading", name="Inlogmonitor").is_visible()
    _shot(second, f"login-monitor-js-{javascript}")
    check(second, errors, foreign)
    context.close()
    other.close()


def test_enrol_and_log_in_with_a_passkey(browser: Any, site: str, settings: Any) -> None:
    """A passkey as first factor (a virtual authenticator stands in for the fingerprint
    reader): recovery codes follow, and the next login passes the second step with it."""
    from django_otp_webauthn.models import WebAuthnCredential

    from weerbaar.accounts.models import AuditEvent

    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [site]
    context = browser.new_context()
    page, errors, foreign = open_page(browser, site + "/zaken/", context=context)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    page.wait_for_url("**/inloggen/**")
    page.fill("#id_username", "erik")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/inloggen/tweede-stap/instellen/**")
    page.get_by_role("button", name="Passkey instellen").click()
    page.wait_for_selector("text=Uw herstelcodes")
    assert len(re.findall(r"[a-z0-9]{8}", page.locator(".recovery-codes").inner_text())) == 10
    credential = WebAuthnCredential.objects.get(user__username="erik")
    assert AuditEvent.objects.filter(action="create", object_id=str(credential.pk)).exists()
    _shot(page, "passkey-recovery")
    assert_accessible(page, errors, foreign)
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    page.wait_for_url("**/zaken/")
    errors.clear()  # erik is an administrator without case rights: /zaken/ answers 403

    page.get_by_role("button", name="Uitloggen").first.click()
    page.goto(site + "/inloggen/")
    page.fill("#id_username", "erik")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/inloggen/tweede-stap/**")
    verder = page.get_by_role("button", name="Verder")
    verder.hover()  # the pointer resting on a button must not hide its text
    colours = verder.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    assert colours == ["rgb(255, 255, 255)", "rgb(11, 42, 74)"]
    _shot(page, "passkey-second-step")
    assert_accessible(page, errors, foreign)
    page.get_by_role("button", name="Inloggen met passkey").click()
    page.wait_for_url("**/werkplek/")
    assert page.get_by_role("heading", name="Werkplek").is_visible()
    assert AuditEvent.objects.filter(
        action="second_factor", object_id=str(credential.pk), result="gelukt"
    ).exists()
    context.close()
