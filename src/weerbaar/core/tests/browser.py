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


def unreadable_text(response: dict[str, Any]) -> list[str]:
    """Text whose colour equals its background. axe-core files a 1:1 contrast under
    "incomplete" (reason ``equalRatio``: it might be text hidden on purpose), not under
    violations, so a button whose label took its own background colour passed every
    check. Weerbaar hides nothing that way; such text is a defect."""
    found = []
    for result in response.get("incomplete", []):
        if result["id"] != "color-contrast":
            continue
        for node in result["nodes"]:
            reasons = {check.get("data", {}).get("messageKey") for check in node.get("any", [])}
            if "equalRatio" in reasons:
                found.append(", ".join(node["target"]) + ": " + node.get("html", "")[:120])
    return found


STRAY_MARKERS = """() => [...document.querySelectorAll("ul > li, ol > li")]
  .filter((li) => getComputedStyle(li.parentElement).listStyleType === "none")
  .filter((li) => !["none", "normal", ""].includes(getComputedStyle(li, "::marker").content))
  .filter((li) => li.offsetParent !== null)
  .map((li) => li.textContent.trim().slice(0, 60))"""


def stray_markers(page: Any) -> list[str]:
    """List items that show a bullet although their list says it has none: Utrecht's
    ``::marker { content: "●" }`` outranked the site's ``list-style: none`` on cards,
    navigation and radio lists."""
    return list(page.evaluate(STRAY_MARKERS))


def assert_accessible(page: Any, errors: list[str], foreign: list[str]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.violations_count == 0, results.generate_report()
    assert unreadable_text(results.response) == [], "text in the colour of its background"
    stray = stray_markers(page)
    assert stray == [], f"bullets beside items of a list without bullets: {stray}"
    assert errors == [], "console errors (e.g. CSP violations)"
    assert foreign == [], "requests to other origins"
    assert page.locator("html").get_attribute("lang") == "nl"
