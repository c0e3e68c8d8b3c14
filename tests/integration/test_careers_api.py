"""The career-planning API: cost of living, plans, offers and roster pricing, incl. bad input."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from medcoder.settings import Settings

ROSTER = Path(__file__).resolve().parents[1] / "fixtures" / "roster"
OFFERS = {
    "offers": [
        {"name": "A", "base": 50_000, "location": "Texas", "setting": "hospitals"},
        {"name": "B", "base": 56_000, "location": "Mississippi", "work_model": "remote"},
    ]
}


def test_col_compare_returns_the_hand_checked_equivalent(client: TestClient) -> None:
    body = client.post(
        "/api/v1/col/compare", json={"amount": 50_000, "from_area": "TX", "to_area": "CA"}
    ).json()
    assert body["equivalent"] == pytest.approx(57_038.65, abs=0.01)
    assert body["sources"][0]["key"] == "rpp_state"


def test_col_rpp_names_the_bea_row(client: TestClient) -> None:
    body = client.get("/api/v1/col/rpp", params={"area": "Boston"}).json()
    assert body["rpp"]["geo_fips"] == "14460" and body["rpp"]["rpp"] == 108.266


def test_col_remote_uses_both_price_levels(client: TestClient) -> None:
    body = client.get(
        "/api/v1/col/remote",
        params={"pay_area": "California", "live_area": "Mississippi", "salary": 60_000},
    ).json()
    assert body["equivalent_in_pay_area"] == pytest.approx(76_399.89, abs=0.01)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"amount": 50_000, "from_area": "Narnia", "to_area": "CA"}, "from_area"),
        ({"amount": -1, "from_area": "TX", "to_area": "CA"}, "amount"),
        ({"amount": 50_000, "from_area": "TX", "to_area": "Guam"}, "to_area"),
        ({"from_area": "TX", "to_area": "CA"}, "amount"),
    ],
)
def test_col_compare_bad_input_is_a_422_naming_the_field(
    client: TestClient, payload: dict[str, object], field: str
) -> None:
    response = client.post("/api/v1/col/compare", json=payload)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


def test_plan_presets_are_listed(client: TestClient) -> None:
    keys = [p["key"] for p in client.get("/api/v1/plans/presets").json()]
    assert "risk-adjustment" in keys and len(keys) == 5


def test_plans_simulate_mixes_presets_and_own_plans(client: TestClient) -> None:
    own = {
        "name": "Mine",
        "start": {"years": 1, "credentials": [], "area": "Ohio"},
        "steps": [{"year": 1, "action": "earn_credential", "credential": "CPC"}],
    }
    body = client.post(
        "/api/v1/plans/simulate",
        json={"presets": ["cdi-move"], "plans": [own], "years": 6, "discount_rate": 0.03},
    ).json()
    assert [p["name"] for p in body["plans"]] == ["Move into CDI", "Mine"]
    assert all(len(p["years"]) == 6 for p in body["plans"])
    assert body["plans"][1]["paybacks"][0]["credential"] == "CPC"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"presets": ["nope"]}, "preset"),
        ({"presets": ["cdi-move"], "discount_rate": 2}, "discount_rate"),
        ({"presets": ["cdi-move"], "years": 0}, "years"),
        ({}, "plans"),
    ],
)
def test_plans_simulate_bad_input(
    client: TestClient, payload: dict[str, object], field: str
) -> None:
    response = client.post("/api/v1/plans/simulate", json=payload)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


def test_offers_compare_ranks_and_briefs(client: TestClient) -> None:
    body = client.post("/api/v1/offers/compare", json=OFFERS).json()
    assert body["best_offer"] == "B"
    assert body["negotiation"] and body["sources"]


def test_offers_compare_rejects_a_single_offer(client: TestClient) -> None:
    response = client.post("/api/v1/offers/compare", json={"offers": OFFERS["offers"][:1]})
    assert response.status_code == 422 and response.json()["error"]["field"] == "offers"


def test_roster_price_returns_json_rows_and_summary(client: TestClient) -> None:
    with (ROSTER / "problems.csv").open("rb") as handle:
        response = client.post("/api/v1/roster/price", files={"file": ("r.csv", handle)})
    body = response.json()
    assert body["summary"]["rows_read"] == 10 and body["summary"]["rows_priced"] == 1
    assert {e["column"] for e in body["errors"]} >= {"area", "salary", "id"}


def test_roster_price_returns_a_csv_file_on_request(client: TestClient) -> None:
    with (ROSTER / "coders.csv").open("rb") as handle:
        response = client.post(
            "/api/v1/roster/price", params={"format": "csv"}, files={"file": ("r.csv", handle)}
        )
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 6 and "compa_ratio" in rows[0]
    assert response.headers["x-rows-priced"] == "6"


def test_roster_price_refuses_a_bad_file_with_a_422(client: TestClient) -> None:
    response = client.post(
        "/api/v1/roster/price", files={"file": ("roster.txt", b"id,title\n1,x\n")}
    )
    assert response.status_code == 422 and response.json()["error"]["field"] == "file"


def test_roster_upload_larger_than_the_limit_is_refused(settings: Settings) -> None:
    from medcoder.web.app import create_app

    small = settings.model_copy(update={"max_upload_bytes": 200})
    with TestClient(create_app(small)) as client:
        response = client.post(
            "/api/v1/roster/price", files={"file": ("r.csv", b"id,title,area,salary\n" * 50)}
        )
    assert response.status_code == 413
