"""A person studying in Chromium: a short quiz, an exam resumed after closing the browser,
flashcards reviewed with the keyboard alone, and a lookup drill beside the code browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import LiveServer, screenshot

pytestmark = pytest.mark.browser


def test_a_person_takes_a_short_quiz_and_sees_results_by_area(page: Page) -> None:
    page.goto("/study")
    page.get_by_label("Content area", exact=True).select_option("icd10cm")
    page.locator("#quiz_count").fill("2")
    page.get_by_role("button", name="Start quiz").click()
    page.get_by_text("Question 1 of 2").wait_for()
    page.locator("label").filter(has_text=re.compile(r"^\s*A\.")).click()
    page.get_by_role("button", name="Save answer and next").click()
    page.get_by_text("Question 2 of 2").wait_for()
    page.locator("label").filter(has_text=re.compile(r"^\s*C\.")).click()
    page.get_by_role("button", name="Save answer", exact=True).click()
    page.get_by_role("button", name="Submit quiz").click()
    page.get_by_role("heading", name="By content area").wait_for()
    assert re.fullmatch(r"[0-2]/2 \(\d+%\)", page.locator("#score").inner_text())
    assert page.get_by_role("cell", name="ICD-10-CM").is_visible()
    screenshot(page, "study-quiz-results")


def test_an_exam_resumes_where_it_was_left_after_closing_the_browser(
    page: Page, browser: Browser, live_server: LiveServer
) -> None:
    page.goto("/study")
    page.locator("#count").fill("5")
    page.get_by_role("button", name="Start practice exam").click()
    page.get_by_text("Question 1 of 5").wait_for()
    exam_url = page.url
    timer_before = page.locator("#timer").inner_text()
    page.keyboard.press("b")  # exam.js: letters choose, Enter saves
    assert page.locator("input[name=choice][value=B]").is_checked()
    page.keyboard.press("Enter")
    page.get_by_text("Question 2 of 5").wait_for()
    page.context.close()

    fresh = browser.new_context(base_url=live_server.base_url).new_page()
    fresh.goto(exam_url)
    fresh.get_by_text("Question 2 of 5").wait_for()
    first = fresh.get_by_role("link", name="Question 1, answered")
    assert first.is_visible()
    assert fresh.locator("#timer").inner_text() <= timer_before
    first.click()
    assert fresh.locator("input[name=choice][value=B]").is_checked()
    screenshot(fresh, "study-exam-resumed")
    fresh.context.close()


def test_flashcards_can_be_reviewed_with_the_keyboard_alone(page: Page) -> None:
    page.goto("/study/cards/review?deck=modifiers")
    front = page.locator("#card-front").inner_text()
    page.keyboard.press("Space")
    page.locator("#card-back").wait_for()
    screenshot(page, "study-flashcard-back")
    page.keyboard.press("3")
    page.get_by_text("Saved: Good.").wait_for()
    assert page.locator("#card-front").inner_text() != front


def test_the_dashboard_fits_a_phone(page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/study")
    page.get_by_role("heading", name="Readiness by content area").wait_for()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    screenshot(page, "study-dashboard-375")


def test_a_lookup_drill_shows_the_code_browser_and_times_the_answer(page: Page) -> None:
    page.goto("/study/drills")
    page.get_by_role("button", name="Start a lookup").click()
    assert page.locator("#scenario").inner_text().startswith("Which")
    page.frame_locator("iframe[name=code-browser]").locator("body").wait_for()
    page.get_by_label("Code", exact=True).fill("e11.9")
    page.get_by_role("button", name="Check").click()
    result = page.locator("#drill-result").inner_text()
    assert "you typed E11.9" in result and "Took" in result
    screenshot(page, "study-drill-answered")
