"""The codes API under /api/v1 and the code browser pages, on a fresh app."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_search_returns_hits_in_rank_order(client: TestClient) -> None:
    response = client.get("/api/v1/codes/search", params={"q": "copd", "limit": 3})
    assert response.status_code == 200
    hits = response.json()
    assert [hit["code"] for hit in hits][0] == "J44.9"
    assert hits[0]["code_set_version"] == "ICD-10-CM FY2026, April 1, 2026 update"


def test_search_filters_apply(client: TestClient) -> None:
    hits = client.get(
        "/api/v1/codes/search", params={"q": "fracture", "chapter": 19, "billable_only": True}
    ).json()
    assert hits and all(hit["chapter"] == 19 and hit["billable"] for hit in hits)


def test_search_rejects_bad_parameters_naming_the_field(client: TestClient) -> None:
    for params, field in (
        ({"q": "x", "limit": 0}, "limit"),
        ({"q": "x", "code_set": "cpt"}, "code_set"),
        ({"q": "x", "chapter": 30}, "chapter"),
    ):
        response = client.get("/api/v1/codes/search", params=params)
        assert response.status_code == 422
        assert response.json()["error"]["field"] == field


def test_lookup_returns_the_code_with_hcc_and_hcpcs_details(client: TestClient) -> None:
    detail = client.get("/api/v1/codes/j449").json()
    assert detail["code"] == "J44.9"
    assert {m["hcc"] for m in detail["hcc"] if m["model"] == "CMS-HCC Model V28"} == {"HCC280"}
    hcpcs = client.get("/api/v1/codes/A4253").json()
    assert hcpcs["hcpcs"]["betos"] == "D1E"


def test_lookup_of_an_invalid_code_is_a_422_with_suggestions(client: TestClient) -> None:
    response = client.get("/api/v1/codes/E11.99")
    assert response.status_code == 422
    assert response.json()["error"] == {
        "field": "code",
        "message": "'E11.99' is not an ICD-10-CM (ICD-10-CM FY2026, April 1, 2026 update) "
        "or HCPCS Level II code",
        "suggestions": ["E11.9"],
    }


def test_chapters_blocks_and_the_served_code_set(client: TestClient) -> None:
    assert len(client.get("/api/v1/codes/chapters").json()) == 22
    chapter = client.get("/api/v1/codes/chapters/4").json()
    assert chapter["title"] == "Endocrine, nutritional and metabolic diseases"
    assert client.get("/api/v1/codes/chapters/23").status_code == 422
    block = client.get("/api/v1/codes/blocks/E08-E13").json()
    assert [c["code"] for c in block["categories"]][:2] == ["E08", "E09"]
    served = client.get("/api/v1/codes/code-set").json()
    assert (served["fiscal_year"], served["origin"], served["billable_codes"]) == (
        "2026",
        "bundled",
        74719,
    )


def test_full_code_building_over_the_api(client: TestClient) -> None:
    built = client.get("/api/v1/codes/T36.0X1/full-code", params={"seventh": "a"}).json()
    assert built["full_code"] == "T36.0X1A"
    refused = client.get("/api/v1/codes/T36.0X1/full-code", params={"seventh": "Q"})
    assert refused.status_code == 422 and refused.json()["error"]["allowed"] == ["A", "D", "S"]


def test_the_search_page_works_as_a_plain_form(client: TestClient) -> None:
    page = client.get("/codes", params={"q": "pink eye"})
    assert page.status_code == 200
    assert 'href="/codes/H10.30"' in page.text
    assert 'value="pink eye"' in page.text
    assert "ICD-10-CM FY2026, April 1, 2026 update" in page.text


def test_the_search_page_shows_a_bad_chapter_next_to_the_field(client: TestClient) -> None:
    page = client.get("/codes", params={"q": "pain", "chapter": "99"})
    assert page.status_code == 422
    assert "Choose a chapter from 1 to 22." in page.text
    assert 'value="pain"' in page.text


def test_the_code_page_shows_every_note_and_the_seventh_character_table(
    client: TestClient,
) -> None:
    page = client.get("/codes/S52.521").text
    assert "Torus fracture of lower end of right radius" in page
    assert 'href="/codes/S52.521A"' in page and "initial encounter for closed fracture" in page
    notes = client.get("/codes/J44").text
    for kind in ("includes", "excludes2", "code_also"):
        assert f'data-note="{kind}"' in notes


def test_the_code_page_shows_hcc_by_payment_year_and_hcpcs_details(client: TestClient) -> None:
    page = client.get("/codes/E11.9").text
    assert "Payment year 2027" in page and "HCC38" in page
    hcpcs = client.get("/codes/J1100").text
    assert "Special coverage instructions apply" in hcpcs and "O1E" in hcpcs


def test_an_unknown_code_page_is_a_404_with_the_nearest_codes(client: TestClient) -> None:
    page = client.get("/codes/E11.99")
    assert page.status_code == 404
    assert 'href="/codes/E11.9"' in page.text


def test_chapter_and_block_pages_link_down_the_hierarchy(client: TestClient) -> None:
    chapter = client.get("/codes/chapters/4").text
    assert 'href="/codes/blocks/E08-E13"' in chapter
    block = client.get("/codes/blocks/E08-E13").text
    assert 'href="/codes/E11"' in block
