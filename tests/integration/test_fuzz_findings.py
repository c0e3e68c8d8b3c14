"""Regression tests for what the schema fuzzer (test_api_fuzz.py) found."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

HUGE = 2**63 + 1024  # past SQLite's and PostgreSQL's 64-bit integer keys


def test_a_chapter_number_past_64_bits_is_a_422_naming_the_chapter(client: TestClient) -> None:
    response = client.get(f"/api/v1/codes/chapters/{HUGE}")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "chapter"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", f"/api/v1/study/attempts/{HUGE}", None),
        ("post", f"/api/v1/study/attempts/{HUGE}/tags", {"number": 1, "tag": "time"}),
        ("post", f"/api/v1/study/attempts/{HUGE}/answers", {"number": 1, "choice": "A"}),
        ("get", f"/api/v1/study/drills/{HUGE}", None),
    ],
)
def test_ids_past_64_bits_are_not_found_rather_than_a_server_error(
    client: TestClient, method: str, path: str, body: dict[str, object] | None
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == 404


@pytest.mark.parametrize("path", [f"/study/attempts/{HUGE}", f"/study/drills/{HUGE}"])
def test_pages_for_ids_past_64_bits_are_a_404_page(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
