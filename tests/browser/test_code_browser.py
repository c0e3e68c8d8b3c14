"""A coder searches as they type, opens a code, and reads its notes and 7th characters."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_typing_shows_results_and_a_click_opens_the_code_page(page) -> None:
    page.goto("/codes")
    page.get_by_label("Code or words").press_sequentially("heart attack", delay=30)
    first = page.locator("#code-results ol.code-hits li").first
    first.wait_for()
    assert first.locator("a.code").inner_text() == "I21.9"
    assert "Acute myocardial infarction, unspecified" in first.inner_text()
    screenshot(page, "codes-search-as-you-type")
    first.locator("a.code").click()
    page.wait_for_url("**/codes/I21.9")
    assert page.locator("h1").inner_text().startswith("I21.9")
    assert page.get_by_role("heading", name="Risk adjustment (CMS-HCC)").is_visible()


def test_the_search_form_works_without_javascript(browser, live_server) -> None:
    context = browser.new_context(base_url=live_server.base_url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/codes")
    tab.get_by_label("Code or words").fill("pink eye")
    tab.get_by_role("button", name="Search").click()
    tab.wait_for_url("**/codes?q=pink+eye*")
    assert tab.locator("#code-results a.code").first.inner_text() == "H10.30"
    context.close()


def test_a_code_page_shows_its_notes_and_the_built_full_codes(page) -> None:
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto("/codes/S52.521")
    assert "Torus fracture of lower end of right radius" in page.locator("h1").inner_text()
    table = page.locator("section", has=page.get_by_role("heading", name="7th characters"))
    assert table.get_by_role("link", name="S52.521A").is_visible()
    assert table.get_by_text("initial encounter for closed fracture").is_visible()
    inherited = page.locator(
        "section", has=page.get_by_role("heading", name="Notes that apply from above")
    )
    assert inherited.get_by_text("Excludes1").first.is_visible()
    screenshot(page, "codes-s52-521-mobile")
    # No horizontal scrolling at phone width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.goto("/codes/J44")
    notes = page.locator("[data-note=code_also]")
    assert "type of asthma, if applicable" in notes.inner_text()
    notes.get_by_role("link", name="J45").click()
    page.wait_for_url("**/codes/J45")
