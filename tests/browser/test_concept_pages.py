"""A person reads a concept, follows a see-also link, and asks a question with cited passages."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_a_reader_follows_a_see_also_link_from_one_concept_to_another(page) -> None:
    page.goto("/concepts/excludes1")
    assert page.locator("h1").inner_text() == "Excludes1 notes"
    assert page.get_by_text("hard stop").is_visible()
    screenshot(page, "concept-excludes1")
    page.locator("ul.see-also").get_by_role("link", name="Excludes2 notes").click()
    page.wait_for_url("**/concepts/excludes2")
    assert page.locator("h1").inner_text() == "Excludes2 notes"
    code_link = page.locator("ul.code-chips").get_by_role("link", name="Z79.4")
    assert code_link.get_attribute("href") == "/codes/Z79.4"


def test_the_glossary_list_is_grouped_and_searchable(page) -> None:
    page.goto("/concepts")
    assert page.get_by_role("heading", name="ICD-10-CM conventions").is_visible()
    page.get_by_label("Find a concept").fill("mod 59")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/concepts?q=mod+59")
    first = page.locator("ol.hits li").first
    assert first.get_by_role("link").inner_text() == "Modifier 59 and the X{EPSU} modifiers"


def test_a_question_gets_an_answer_whose_citations_jump_to_passages(page) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/ask")
    page.get_by_label("Your question").fill("can I code E11.9 with E11.65?")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_url("**/ask?q=*")
    answer = page.locator(".answer")
    assert "leave out E11.9" in answer.inner_text()
    passages = page.locator("ol.passages > li")
    assert passages.count() >= 4
    assert passages.first.get_by_role("link").inner_text().startswith("E11.9 Type 2 diabetes")
    answer.locator("a.cite").first.click()
    page.wait_for_url("**#passage-1")
    # Nothing is wider than a phone screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "ask-e11-9-with-e11-65")
