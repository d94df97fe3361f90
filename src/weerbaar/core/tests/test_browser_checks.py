"""The browser checks themselves: they must fail on the defect they exist for."""

from __future__ import annotations

from typing import Any

import pytest

from weerbaar.core.tests.browser import assert_accessible, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADD_BUTTON = """() => {
  const link = document.createElement('a');
  link.className = 'button';
  link.href = '/signalen/nieuw/';
  link.textContent = 'Signaal vastleggen';
  document.querySelector('main').appendChild(link);
}"""


def test_a_button_label_in_its_background_colour_fails_the_check(
    browser: Any, live_server: Any
) -> None:
    """'Signaal vastleggen' once had the text colour of its own background (rgb(21, 66,
    115)) and axe-core passed it: it files a 1:1 ratio as 'incomplete', not a violation."""
    context = browser.new_context(bypass_csp=True)  # only to inject the old rule
    page, errors, foreign = open_page(browser, str(live_server.url) + "/", context=context)
    page.evaluate(ADD_BUTTON)
    page.add_style_tag(content=".site-main a.button { color: #154273; }")  # before the fix
    with pytest.raises(AssertionError, match="colour of its background"):
        assert_accessible(page, errors, foreign)
    page.add_style_tag(content=".site-main a.button { color: #fff; }")  # the fix
    assert_accessible(page, errors, foreign)
    context.close()


def test_an_untouched_required_field_does_not_look_wrong(browser: Any, live_server: Any) -> None:
    """Required fields were pink with a red border before anything was typed."""
    page, _, _ = open_page(browser, str(live_server.url) + "/ouders/camperbus/aanvragen/")
    required = page.locator("textarea[required], input[type=radio][required]")
    assert required.count() > 0, "the request form has required fields"
    style = """e => { const s = getComputedStyle(e);
        return [s.backgroundColor, s.borderTopColor, s.borderTopWidth, s.color].join(' '); }"""
    for field in required.element_handles():  # fixed: the locator shrinks as we go
        untouched = field.evaluate(style)
        field.evaluate("e => e.removeAttribute('required')")
        assert field.evaluate(style) == untouched, field.evaluate("e => e.outerHTML")
    page.context.close()


def test_a_main_action_button_looks_like_one(browser: Any, live_server: Any) -> None:
    """Utrecht's plain-button style won over ours: main actions looked disabled (grey text
    on white) until the pointer came near."""
    page, _, _ = open_page(browser, str(live_server.url) + "/ouders/camperbus/aanvragen/")
    page.mouse.move(0, 0)
    button = page.locator("main button.button:not(.secondary)").first
    colours = button.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    assert colours == ["rgb(255, 255, 255)", "rgb(21, 66, 115)"]
    page.context.close()
