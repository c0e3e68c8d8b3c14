"""Every wages endpoint under /api/v1, including bad input (422 naming the field)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from medcoder.settings import Settings

API = "/api/v1"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One app for the module: these routes only read bundled data, so they can share it."""
    from medcoder.web.app import create_app

    settings = Settings(data_dir=tmp_path_factory.mktemp("wages-api"))
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_wages_returns_the_national_figures(client: TestClient) -> None:
    body = client.get(f"{API}/wages").json()
    assert (body["annual_median"], body["annual_mean"], body["employment"]) == (
        51140,
        56790,
        194720,
    )
    assert body["sources"][0]["key"] == "oews_may2025"


def test_wages_in_a_metro_and_in_a_setting(client: TestClient) -> None:
    boston = client.get(f"{API}/wages", params={"area": "Boston"}).json()
    assert boston["annual_p90"] == 82260
    hospitals = client.get(f"{API}/wages", params={"setting": "hospitals"}).json()
    assert hospitals["annual_mean"] == 61920 and hospitals["setting"]["naics"] == "622000"


def test_unpublished_figures_are_null_with_their_status(client: TestClient) -> None:
    body = client.get(f"{API}/wages", params={"area": "Elmira"}).json()
    assert body["annual_median"] is None
    assert body["status"]["annual_median"] == "not_released"


def test_state_rankings_top_and_bottom(client: TestClient) -> None:
    top = client.get(f"{API}/rankings/states", params={"top": 2}).json()
    assert [a["area"]["postal"] for a in top["areas"]] == ["DC", "RI"]
    bottom = client.get(f"{API}/rankings/states", params={"bottom": 1, "by": "mean"}).json()
    assert bottom["areas"][0]["area"]["name"] == "Puerto Rico" and bottom["by"] == "mean"


def test_metro_rankings_within_a_state(client: TestClient) -> None:
    body = client.get(f"{API}/rankings/metros", params={"state": "NH"}).json()
    assert body["areas"][0]["area"]["name"] == "Boston-Cambridge-Newton, MA-NH"


def test_area_autocomplete_returns_at_most_ten(client: TestClient) -> None:
    body = client.get(f"{API}/areas", params={"q": "bos"}).json()
    assert body["areas"][0]["name"] == "Boston-Cambridge-Newton, MA-NH"
    assert len(client.get(f"{API}/areas", params={"q": "a"}).json()["areas"]) == 10


def test_estimate_by_get_and_post_agree(client: TestClient) -> None:
    params = {"years": 5, "credential": ["CPC", "CRC"], "area": "Texas", "setting": "hospitals"}
    by_get = client.get(f"{API}/estimate", params=params).json()
    profile = {"years": 5, "credentials": ["CPC", "CRC"], "area": "Texas", "setting": "hospitals"}
    by_post = client.post(f"{API}/estimate", json=profile).json()
    assert by_get["median"] == by_post["median"]
    assert by_get["low"] < by_get["median"] < by_get["high"]
    assert sum(f["effect"] for f in by_get["factors"]) == by_get["median"]


def test_outlook_claims_and_comparisons(client: TestClient) -> None:
    assert client.get(f"{API}/outlook").json()["change_percent"] == 7.1
    claims = client.get(f"{API}/claims", params={"topic": "state_bottom"}).json()["claims"]
    assert [c["subject"] for c in claims][0] == "Arkansas"
    by_article = client.get(f"{API}/claims", params={"article": "what-is-coding-salary"}).json()
    assert {c["article"] for c in by_article["claims"]} == {"what-is-coding-salary"}
    comparisons = client.get(f"{API}/claims/comparisons", params={"topic": "work_setting"}).json()
    assert {c["claim"]["setting"] for c in comparisons} == {
        "hospitals", "physician_offices", "insurance_carriers", "consulting",
    }  # fmt: skip


def test_career_ladder_and_alternatives(client: TestClient) -> None:
    ladder = client.get(f"{API}/careers/ladder").json()
    assert len(ladder["levels"]) == 7 and ladder["levels"][5]["official"]["soc"] == "11-9111"
    alternatives = client.get(f"{API}/careers/alternatives").json()
    assert any(c["official"]["soc"] == "43-3021" for c in alternatives["careers"])


def test_settings_and_credentials_lists(client: TestClient) -> None:
    settings = client.get(f"{API}/settings").json()
    assert any(s["key"] == "hospitals" and s["naics"] == "622000" for s in settings["settings"])
    assert len(settings["wages"]) == len(settings["settings"])
    credentials = client.get(f"{API}/credentials").json()
    codes = [c["code"] for c in credentials["credentials"]]
    assert {"none", "CPC", "CCS", "CRC", "RHIA"} <= set(codes)
    assert "risk adjustment/HCC" in credentials["specialties"]


def test_every_route_is_in_the_openapi_schema(client: TestClient) -> None:
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    for route in (
        "/wages", "/rankings/states", "/rankings/metros", "/areas", "/estimate", "/outlook",
        "/claims", "/claims/comparisons", "/careers/ladder", "/careers/alternatives",
        "/settings", "/credentials",
    ):  # fmt: skip
        assert f"{API}{route}" in paths, route


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/wages", {"area": "Atlantis"}, "area"),
        ("/wages", {"occupation": "15-1252"}, "occupation"),
        ("/wages", {"area": "TX", "setting": "hospitals"}, "setting"),
        ("/rankings/states", {"by": "mode"}, "by"),
        ("/rankings/states", {"top": 2, "bottom": 2}, "top"),
        ("/rankings/metros", {"state": "Atlantis"}, "state"),
        ("/rankings/metros", {}, "state"),
        ("/estimate", {"years": -1}, "years"),
        ("/estimate", {"years": "lots"}, "years"),
        ("/estimate", {"credential": "CPX"}, "credentials"),
        ("/estimate", {"setting": "moon base"}, "setting"),
        ("/estimate", {"work_model": "moon"}, "work_model"),
        ("/outlook", {"occupation": "99-9999"}, "occupation"),
        ("/claims", {"topic": "gossip"}, "topic"),
        ("/settings", {"occupation": "15-1252"}, "occupation"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(
    client: TestClient, path: str, params: dict[str, object], field: str
) -> None:
    response = client.get(f"{API}{path}", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


@pytest.mark.parametrize(
    ("method", "years", "shown"),
    [("GET", 60, "60"), ("GET", -1, "-1"), ("POST", 99, "99"), ("POST", -0.5, "-0.5")],
)
def test_years_out_of_range_names_the_field_and_the_allowed_range(
    client: TestClient, method: str, years: float, shown: str
) -> None:
    if method == "GET":
        response = client.get(f"{API}/estimate", params={"years": years})
    else:
        response = client.post(f"{API}/estimate", json={"years": years})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == "years"
    assert error["message"] == f"years of experience must be a number from 0 to 50, not {shown}"


def test_posting_a_bad_profile_is_a_422_naming_the_field(client: TestClient) -> None:
    response = client.post(f"{API}/estimate", json={"years": 99, "credentials": ["CPC"]})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "years"
    response = client.post(f"{API}/estimate", json={"credentials": ["CPX"]})
    assert response.json()["error"]["field"] == "credentials"
