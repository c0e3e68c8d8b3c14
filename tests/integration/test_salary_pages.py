"""The salary pages answer with the bundled release's real figures, and handle bad input."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from medcoder.sources import load_sources
from medcoder.wages.estimate import estimate_salary, make_profile
from medcoder.wages.market import rank_states


def text_of(html: str) -> str:
    """The page's visible text with tags removed and whitespace collapsed."""
    without_tags = re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(script|style)\b.*?</\1>", "", html))
    return re.sub(r"\s+", " ", unescape(without_tags))


def element(html: str, element_id: str) -> str:
    match = re.search(rf'<(\w+)[^>]*\bid="{element_id}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, f"no element with id {element_id!r}"
    return match.group(0)


def test_overview_shows_national_oews_figures_and_the_articles_claims(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = text_of(response.text)
    assert "$51,140" in page  # national median, OEWS May 2025
    assert "$56,790" in page  # national mean
    assert "194,720" in page  # national employment
    assert "$48,780" in page  # the first article's claimed median, shown beside it
    assert "claim below official" in page.lower()
    assert '<svg id="national-band"' in response.text


def test_states_page_ranks_every_state_with_top_and_bottom_lists(client: TestClient) -> None:
    response = client.get("/states")
    assert response.status_code == 200
    table = element(response.text, "states-table")
    assert table.count('<tr data-postal="') == len(rank_states())
    assert 'href="/states/TX"' in table
    top = text_of(element(response.text, "top-list"))
    bottom = text_of(element(response.text, "bottom-list"))
    assert top.strip().startswith("District of Columbia — $72,040")
    assert bottom.strip().startswith("Puerto Rico — $27,990")
    assert '<svg id="state-map"' in response.text
    assert response.text.count('class="tile"') == sum(1 for e in rank_states() if e.area.postal)


def test_states_page_can_rank_by_mean(client: TestClient) -> None:
    response = client.get("/states", params={"by": "mean"})
    top = text_of(element(response.text, "top-list"))
    assert top.strip().startswith("District of Columbia — $80,250")
    assert 'aria-current="true">Mean' in response.text


def test_states_page_explains_an_unknown_ranking_and_falls_back_to_median(
    client: TestClient,
) -> None:
    response = client.get("/states", params={"by": "salary"})
    assert response.status_code == 422
    assert "cannot rank by" in text_of(response.text)
    assert 'aria-current="true">Median' in response.text


def test_state_page_shows_percentiles_metros_and_cost_of_living(client: TestClient) -> None:
    response = client.get("/states/tx")
    assert response.status_code == 200
    page = text_of(response.text)
    for figure in ("$34,440", "$39,470", "$48,860", "$63,970", "$78,390", "17,210", "0.98"):
        assert figure in page
    metros = element(response.text, "metros-table")
    assert 'href="/metros/0019100"' in metros  # Dallas-Fort Worth-Arlington
    assert "Regional Price Parity" in page
    assert '<svg id="state-band"' in response.text


def test_metro_page_compares_the_metro_with_its_state_and_the_nation(client: TestClient) -> None:
    response = client.get("/metros/0019100")
    assert response.status_code == 200
    page = text_of(response.text)
    assert "Dallas-Fort Worth-Arlington, TX" in page
    for figure in ("$37,950", "$45,710", "$52,140", "$66,720", "$80,190", "5,210"):
        assert figure in page
    assert 'href="/states/TX"' in response.text


@pytest.mark.parametrize(
    "path", ["/states/ZZ", "/states/texas", "/metros/9999999", "/metros/4800000"]
)
def test_unknown_places_are_404_pages(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "No such" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_settings_page_names_the_naics_codes_beside_the_claims(client: TestClient) -> None:
    response = client.get("/settings")
    assert response.status_code == 200
    table = text_of(element(response.text, "settings-table"))
    assert "NAICS 622000" in table
    assert "$59,120" in table  # hospitals median, OEWS national industry estimate
    assert "$50,000–$70,000" in table  # the second article's hospital range, beside it
    assert '<svg id="settings-bars"' in response.text


def test_credentials_page_marks_specialties_where_the_articles_disagree(
    client: TestClient,
) -> None:
    response = client.get("/credentials")
    assert response.status_code == 200
    table = element(response.text, "specialty-table")
    row = next(r for r in table.split("<tr>") if "risk adjustment/HCC" in r)
    assert "$55,000–$72,000" in row and "$60,000–$85,000" in row
    assert "figures differ" in row


def test_careers_page_sets_ladder_claims_beside_oews_pay(client: TestClient) -> None:
    response = client.get("/careers")
    assert response.status_code == 200
    ladder = text_of(element(response.text, "ladder-table"))
    assert "Director of HIM/Coding" in ladder
    assert "$90,000–$120,000+" in ladder
    assert "$123,860" in ladder  # 11-9111 national median
    levels = re.findall(r'data-label="Level">(\d)</td>', element(response.text, "ladder-table"))
    assert levels == ["1", "2", "3", "4", "5", "6", "7"]
    assert "Postsecondary nondegree award" in text_of(response.text)


def test_sources_page_lists_every_dataset_with_its_hash(client: TestClient) -> None:
    response = client.get("/sources")
    assert response.status_code == 200
    for source in load_sources().values():
        assert source.sha256 in response.text
        assert source.release in unescape(response.text)
    # The estimator's method, rendered from docs/methodology.md.
    assert "<h2>How medcoder estimates a salary</h2>" in response.text
    assert "never as zero" in text_of(response.text)


def test_estimate_form_without_a_query_shows_the_form_only(client: TestClient) -> None:
    response = client.get("/estimate")
    assert response.status_code == 200
    assert 'id="estimate-form"' in response.text
    assert 'id="estimate-median"' not in response.text
    assert '<label for="area">' in response.text


def test_estimate_result_matches_the_estimator_and_shows_each_factor(client: TestClient) -> None:
    query = {
        "years": "5",
        "credential": ["CPC", "CRC"],
        "specialty": "risk adjustment",
        "area": "Texas",
        "setting": "hospitals",
        "work_model": "remote",
    }
    expected = estimate_salary(
        make_profile(
            years=5,
            credentials=["CPC", "CRC"],
            specialty="risk adjustment",
            area="Texas",
            setting="hospitals",
            work_model="remote",
        )
    )
    response = client.get("/estimate", params=query)
    assert response.status_code == 200
    assert f"${expected.median:,.0f} a year" in text_of(element(response.text, "estimate-median"))
    assert f"${expected.low:,.0f} – ${expected.high:,.0f}" in text_of(response.text)
    factors = text_of(element(response.text, "factors-table"))
    for factor in expected.factors:
        assert factor.name in factors
    assert '<svg id="estimate-waterfall"' in response.text
    assert re.search(r'value="CRC"\s+checked', response.text)  # the form keeps the profile


YEARS_RANGE = "years of experience must be a number from 0 to 50"


@pytest.mark.parametrize(
    ("query", "field", "message", "kept"),
    [
        ({"years": "5", "area": "Atlantis"}, "area", "unknown area", 'value="Atlantis"'),
        ({"years": "abc"}, "years", f"{YEARS_RANGE}, not 'abc'", 'value="abc"'),
        ({"years": "75"}, "years", f"{YEARS_RANGE}, not 75", 'value="75"'),
        ({"years": "-2"}, "years", f"{YEARS_RANGE}, not -2", 'value="-2"'),
        ({"years": "2", "setting": "moon base"}, "setting", "unknown work setting", "moon base"),
        ({"years": "2", "credential": "XYZ"}, "credential", "unknown credential", 'value="XYZ"'),
    ],
)
def test_estimate_errors_appear_next_to_the_field_and_keep_what_was_typed(
    client: TestClient, query: dict[str, str], field: str, message: str, kept: str
) -> None:
    response = client.get("/estimate", params=query)
    assert response.status_code == 422
    error = text_of(element(response.text, f"{field}-error"))
    assert message in error
    assert kept in response.text
    assert f'aria-describedby="{field}-error' in response.text
    assert 'id="estimate-median"' not in response.text


def test_an_ambiguous_area_offers_links_to_each_candidate(client: TestClient) -> None:
    response = client.get("/estimate", params={"years": "3", "area": "Portland"})
    error = element(response.text, "area-error")
    assert "Portland-South Portland, ME" in unescape(error)
    assert "Portland-Vancouver-Hillsboro, OR-WA" in unescape(error)
    assert 'href="/estimate?years=3&amp;area=Portland-' in error


def test_api_docs_are_served_from_vendored_swagger_ui(client: TestClient) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in response.text
    bundle = client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 1_000_000
    initializer = client.get("/static/js/swagger-init.js").text
    assert '"/api/v1/openapi.json"' in initializer and "validatorUrl: null" in initializer
    assert client.get("/static/vendor/swagger-ui/LICENSE").status_code == 200


def test_the_overview_explains_why_the_nation_has_no_location_quotient(client: TestClient) -> None:
    page = client.get("/").text
    assert "n/a jobs per 1,000" not in page
    assert "BLS publishes it for states and metro areas, not the nation" in page
