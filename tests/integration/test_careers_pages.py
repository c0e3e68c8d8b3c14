"""The cost-of-living, plans, offers and roster pages: forms, results and errors by the field."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

ROSTER = Path(__file__).resolve().parents[1] / "fixtures" / "roster"


def test_cost_of_living_page_answers_the_texas_california_question(client: TestClient) -> None:
    page = client.get(
        "/cost-of-living", params={"amount": "50,000", "from_area": "Texas", "to_area": "CA"}
    )
    assert page.status_code == 200
    assert "buys what $57,039 buys in California" in page.text
    assert '<svg id="col-chart"' in page.text


def test_cost_of_living_page_keeps_what_was_typed_and_names_the_bad_field(
    client: TestClient,
) -> None:
    page = client.get(
        "/cost-of-living", params={"amount": "50000", "from_area": "Texas", "to_area": "Guam"}
    )
    assert page.status_code == 422
    assert 'id="to_area-error"' in page.text and 'value="Guam"' in page.text


def test_plans_page_shows_one_chart_panel_per_plan_and_the_npv(client: TestClient) -> None:
    page = client.get(
        "/plans", params=[("preset", "risk-adjustment"), ("preset", "cdi-move"), ("years", "10")]
    )
    assert page.status_code == 200
    assert page.text.count('<svg id="plan-chart-') == 2
    assert "net present value vs doing nothing at 5.0%" in page.text
    assert "CRC: +$" in page.text


def test_plans_page_builds_a_plan_from_the_step_rows(client: TestClient) -> None:
    page = client.get(
        "/plans",
        params={"years": "6", "name": "Mine", "start_years": "1", "start_credentials": "CPC",
                "s1_year": "2", "s1_action": "move_role", "s1_value": "supervisor"},
    )  # fmt: skip
    assert page.status_code == 200
    assert "Mine: year by year" in page.text and "Coding supervisor" in page.text


def test_plans_page_reports_an_unknown_role_next_to_the_form(client: TestClient) -> None:
    page = client.get(
        "/plans", params={"years": "10", "s1_year": "1", "s1_action": "move_role",
                          "s1_value": "astronaut"}
    )  # fmt: skip
    assert page.status_code == 422
    assert "unknown role" in page.text and 'value="astronaut"' in page.text


def test_offers_page_compares_and_briefs(client: TestClient) -> None:
    page = client.get(
        "/offers",
        params={"o1_name": "City", "o1_base": "50000", "o1_location": "Texas",
                "o2_name": "Remote", "o2_base": "56000", "o2_location": "Mississippi",
                "o2_work_model": "remote"},
    )  # fmt: skip
    assert page.status_code == 200
    assert "Best after cost of living: <strong>Remote</strong>" in page.text
    assert 'id="negotiation"' in page.text and '<svg id="offers-chart"' in page.text


def test_offers_page_names_the_offer_with_a_bad_number(client: TestClient) -> None:
    page = client.get("/offers", params={"o1_name": "A", "o1_base": "lots", "o2_base": "1"})
    assert page.status_code == 422
    assert 'id="o1-error"' in page.text and 'value="lots"' in page.text


def _token(client: TestClient) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/roster").text)
    assert match is not None
    return match.group(1)


def test_roster_page_prices_an_upload_and_lists_row_problems(client: TestClient) -> None:
    with (ROSTER / "problems.csv").open("rb") as handle:
        page = client.post(
            "/roster", data={"csrf_token": _token(client)}, files={"file": ("p.csv", handle)}
        )
    assert page.status_code == 200
    assert 'id="roster-errors"' in page.text and "duplicate id" in page.text
    assert '<svg id="roster-chart"' in page.text


def test_roster_page_downloads_an_xlsx(client: TestClient) -> None:
    with (ROSTER / "coders.csv").open("rb") as handle:
        response = client.post(
            "/roster",
            data={"csrf_token": _token(client), "output": "xlsx"},
            files={"file": ("c.csv", handle)},
        )
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_roster_page_explains_a_wrong_extension(client: TestClient) -> None:
    page = client.post(
        "/roster", data={"csrf_token": _token(client)}, files={"file": ("r.txt", b"id\n1\n")}
    )
    assert page.status_code == 422 and "must be a CSV or XLSX" in page.text


def test_nav_links_to_the_career_pages(client: TestClient) -> None:
    home = client.get("/cost-of-living").text
    for href in ("/plans", "/offers", "/cost-of-living", "/roster"):
        assert f'href="{href}"' in home
