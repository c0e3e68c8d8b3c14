"""What a person sees on the salary pages in Chromium, against a real ``medcoder serve``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from medcoder.wages.estimate import estimate_salary, make_profile
from medcoder.wages.market import rank_states
from tests.browser.conftest import LiveServer, screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "/": "What medical coders earn",
    "/states": "Medical coding pay by state",
    "/states/TX": "Medical coding pay in Texas",
    "/metros/0019100": "Dallas-Fort Worth-Arlington, TX",
    "/settings": "Pay by work setting",
    "/credentials": "Credentials & specialties",
    "/estimate": "Estimate my salary",
    "/careers": "Career ladder & outlook",
    "/sources": "Sources & methodology",
}


@pytest.fixture
def offline_page(page: object, live_server: LiveServer) -> Iterator[object]:
    """The page, with every request to another host refused and remembered."""
    from playwright.sync_api import Page, Route

    assert isinstance(page, Page)
    outside: list[str] = []

    def guard(route: Route) -> None:
        if route.request.url.startswith(live_server.base_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    yield page
    assert outside == [], f"the page tried to reach other hosts: {outside}"


@pytest.mark.parametrize(("path", "heading"), PAGES.items())
def test_every_salary_page_loads_with_its_heading_and_visible_charts(
    offline_page: object, path: str, heading: str
) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(offline_page, Page)
    errors: list[str] = []
    offline_page.on("pageerror", lambda error: errors.append(str(error)))
    response = offline_page.goto(path)
    assert response is not None and response.status == 200
    expect(offline_page.locator("h1")).to_contain_text(heading)
    for chart in offline_page.locator("svg[role=img]").all():
        expect(chart).to_be_visible()
        assert chart.locator(":scope > title").count() == 1
        assert chart.locator(":scope > desc").count() == 1
    expect(offline_page.locator("footer")).to_contain_text("May 2025")
    name = "salary" + (path.replace("/", "_") if path != "/" else "_overview")
    screenshot(offline_page, name)
    assert errors == []


def test_state_table_shows_the_release_figures_and_sorts_on_click(offline_page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(offline_page, Page)
    offline_page.goto("/states")
    texas = next(e for e in rank_states() if e.area.postal == "TX")
    row = offline_page.locator('#states-table tr[data-postal="TX"]')
    expect(row).to_contain_text(f"${texas.annual_median:,.0f}")
    expect(row).to_contain_text(f"${texas.annual_mean:,.0f}")
    expect(row).to_contain_text(f"{texas.employment:,.0f}")
    first_row = offline_page.locator("#states-table tbody tr").first
    expect(first_row).to_contain_text("District of Columbia")
    offline_page.get_by_role("button", name="Sort by Median").click()
    expect(first_row).to_contain_text("Puerto Rico")  # lowest median first
    expect(offline_page.locator("#states-table th[aria-sort=ascending]")).to_have_count(1)
    offline_page.get_by_role("button", name="Sort by Median").click()
    expect(first_row).to_contain_text("District of Columbia")


def test_a_state_opens_from_the_map_and_from_the_table(offline_page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(offline_page, Page)
    offline_page.goto("/states")
    expect(offline_page.locator("#state-map")).to_be_visible()
    offline_page.locator('#state-map a[data-postal="CA"]').click()
    offline_page.wait_for_url("**/states/CA")
    expect(offline_page.locator("h1")).to_contain_text("California")
    expect(offline_page.locator("#state-band")).to_be_visible()
    screenshot(offline_page, "salary_state_from_map")

    offline_page.goto("/states")
    offline_page.locator("#states-table").get_by_role("link", name="Texas", exact=True).click()
    offline_page.wait_for_url("**/states/TX")
    expect(offline_page.locator("h1")).to_contain_text("Texas")
    offline_page.locator("#metros-table").get_by_role(
        "link", name="Dallas-Fort Worth-Arlington, TX"
    ).click()
    expect(offline_page.locator("h1")).to_contain_text("Dallas-Fort Worth-Arlington, TX")


def test_the_estimate_form_gives_the_estimators_figure_and_a_waterfall(
    offline_page: object,
) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(offline_page, Page)
    expected = estimate_salary(
        make_profile(years=5, credentials=["CPC", "CRC"], area="Texas", setting="hospitals")
    )
    offline_page.goto("/estimate")
    offline_page.get_by_label("Years of coding experience").fill("5")
    offline_page.get_by_label("CPC", exact=True).check()
    offline_page.get_by_label("CRC", exact=True).check()
    offline_page.get_by_label("Where you work (state or metro area)").fill("Texas")
    offline_page.get_by_label("Work setting").select_option("hospitals")
    offline_page.get_by_role("button", name="Estimate").click()
    expect(offline_page.locator("#estimate-median")).to_have_text(f"${expected.median:,.0f} a year")
    expect(offline_page.locator("#estimate-range")).to_contain_text(f"${expected.low:,.0f}")
    waterfall = offline_page.locator("#estimate-waterfall")
    expect(waterfall).to_be_visible()
    for factor in expected.factors:
        expect(offline_page.locator("#factors-table")).to_contain_text(factor.name)
    assert "credential=CRC" in offline_page.url and "area=Texas" in offline_page.url
    screenshot(offline_page, "salary_estimate_result")

    # The address is the profile: opening it again gives the same estimate.
    offline_page.goto(offline_page.url)
    expect(offline_page.locator("#estimate-median")).to_have_text(f"${expected.median:,.0f} a year")


def test_a_bad_area_is_explained_next_to_the_field_and_the_typed_text_stays(
    offline_page: object,
) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(offline_page, Page)
    offline_page.goto("/estimate")
    offline_page.get_by_label("Years of coding experience").fill("4")
    area = offline_page.get_by_label("Where you work (state or metro area)")
    area.fill("Atlantis")
    offline_page.get_by_role("button", name="Estimate").click()
    error = offline_page.locator("#area-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("unknown area 'Atlantis'")
    expect(area).to_have_value("Atlantis")
    expect(area).to_have_attribute("aria-invalid", "true")
    expect(offline_page.get_by_label("Years of coding experience")).to_have_value("4")
    expect(offline_page.locator("#estimate-median")).to_have_count(0)
    screenshot(offline_page, "salary_estimate_error")


def test_area_autocomplete_offers_metros_from_the_api(offline_page: object) -> None:
    from playwright.sync_api import Page

    assert isinstance(offline_page, Page)
    offline_page.goto("/estimate")
    area = offline_page.get_by_label("Where you work (state or metro area)")
    with offline_page.expect_response("**/api/v1/areas?q=Bost*"):
        area.press_sequentially("Bost", delay=20)
    offline_page.wait_for_function(
        "document.querySelectorAll('#area-options option').length > 0 && "
        "document.querySelector('#area-options option').value.startsWith('Boston')"
    )
    options = offline_page.locator("#area-options option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    assert "Boston-Cambridge-Newton, MA-NH" in options


@pytest.mark.parametrize("path", ["/", "/states", "/estimate?years=3&area=TX&credential=CPC"])
def test_pages_fit_a_375_pixel_phone_screen(offline_page: object, path: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(offline_page, Page)
    offline_page.set_viewport_size({"width": 375, "height": 800})
    offline_page.goto(path)
    expect(offline_page.locator("h1")).to_be_visible()
    overflow = offline_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px"
    name = "salary_phone" + path.split("?")[0].replace("/", "_")
    screenshot(offline_page, name if name != "salary_phone_" else "salary_phone_overview")


def test_interactive_api_docs_render_offline(offline_page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(offline_page, Page)
    offline_page.goto("/api/v1/docs")
    expect(offline_page.locator(".swagger-ui .info .title")).to_contain_text("medcoder")
    expect(
        offline_page.locator(".opblock-summary-path", has_text="/api/v1/estimate").first
    ).to_be_visible()
    screenshot(offline_page, "api_docs")
