"""A coder fills in the plan and offer forms, submits them, and reads the charts and numbers."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_a_coder_compares_two_ready_made_plans_and_a_plan_of_their_own(page) -> None:
    page.goto("/plans")
    page.get_by_label("Risk adjustment track").check()
    page.get_by_label("Move into CDI").check()
    page.get_by_label("Name", exact=True).fill("CCS then hospital")
    page.get_by_label("Years of experience now").fill("2")
    page.get_by_label("Step 1 year").fill("1")
    page.get_by_label("Step 1 action").select_option("earn_credential")
    page.get_by_label("Step 1 detail").fill("CCS")
    page.get_by_label("Step 2 year").fill("2")
    page.get_by_label("Step 2 action").select_option("change_setting")
    page.get_by_label("Step 2 detail").fill("hospitals")
    page.get_by_role("button", name="Simulate").click()
    page.wait_for_url("**/plans?*")
    charts = page.locator(".chart-row svg[role=img]")
    assert charts.count() == 3
    assert "CCS then hospital" in (charts.nth(2).locator("title").text_content() or "")
    cards = page.locator(".plan-card")
    assert cards.count() == 3
    assert "net present value vs doing nothing" in cards.first.inner_text()
    assert "CCS: +$" in cards.nth(2).inner_text()
    assert page.get_by_role("heading", name="Risk adjustment track: year by year").is_visible()
    screenshot(page, "plans-three-side-by-side")


def test_the_plan_page_fits_a_phone_and_reports_a_bad_role_beside_the_step(page) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/plans")
    page.get_by_label("Step 1 year").fill("1")
    page.get_by_label("Step 1 action").select_option("move_role")
    page.get_by_label("Step 1 detail").fill("astronaut")
    page.get_by_role("button", name="Simulate").click()
    page.wait_for_url("**/plans?*")
    assert "unknown role" in page.locator("#s1-error").inner_text()
    assert page.get_by_label("Step 1 detail").input_value() == "astronaut"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "plans-bad-role-phone")


def test_a_coder_compares_two_offers_and_reads_the_negotiation_brief(page) -> None:
    page.goto("/offers")
    page.get_by_label("Name").first.fill("City hospital")
    page.locator("#o1_base").fill("50000")
    page.locator("#o1_location").fill("Texas")
    page.locator("#o1_setting").select_option("hospitals")
    page.locator("#o1_commute_cost").fill("2500")
    page.locator("#o2_name").fill("Remote insurer")
    page.locator("#o2_base").fill("56000")
    page.locator("#o2_location").fill("Mississippi")
    page.locator("#o2_work_model").select_option("remote")
    page.locator("#o2_retirement_match_pct").fill("3")
    page.get_by_role("button", name="Compare offers").click()
    page.wait_for_url("**/offers?*")
    assert "Remote insurer" in page.locator("#best-offer").inner_text()
    chart = page.locator("#offers-chart")
    assert chart.is_visible()
    assert "Remote insurer" in (chart.locator("desc").text_content() or "")
    rows = page.locator("#offer-table tbody tr")
    assert rows.count() == 2
    # 56,000 + 3 % match = 57,680 total compensation
    assert "$57,680" in rows.nth(1).inner_text()
    brief = page.locator("#negotiation li")
    assert brief.count() >= 2
    assert "OEWS May 2025" in page.locator("#negotiation").inner_text()
    screenshot(page, "offers-two-compared")
