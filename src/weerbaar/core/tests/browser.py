"""Helpers for browser tests: Debian's Chromium driven by Playwright, checked by axe-core."""

from __future__ import annotations

from typing import Any

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def open_page(
    browser: Any, url: str, *, javascript: bool = True, context: Any = None
) -> tuple[Any, list[str], list[str]]:
    """A page with a record of console errors and of requests to other origins."""
    context = context or browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    origin = url.split("/", 3)[:3]
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if request.url.split("/", 3)[:3] != origin and not request.url.startswith("data:")
            else None
        ),
    )
    page.set_default_timeout(30_000)
    page.goto(url)
    return page, errors, foreign


def assert_accessible(page: Any, errors: list[str], foreign: list[str]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.violations_count == 0, results.generate_report()
    assert errors == [], "console errors (e.g. CSP violations)"
    assert foreign == [], "requests to other origins"
    assert page.locator("html").get_attribute("lang") == "nl"
