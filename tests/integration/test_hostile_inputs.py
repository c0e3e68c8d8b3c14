"""A catalogue of hostile inputs across the API, the HTML forms and the CLI.

Uploaded files and output paths are in test_hostile_files.py. Each case must be refused or
neutralised with a clear message that names the field, answered with a 4xx (never a 5xx) or a
non-zero exit code, and must leave stored data untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from medcoder.settings import Settings
from medcoder.store.tables import User
from medcoder.web.app import create_app
from tests.integration.hostile_support import (
    ESCAPED,
    MARKET_ROW,
    SCRIPT,
    csrf_from,
    error_of,
)
from tests.support.cli import run_cli

SMALL_LIMIT = 50_000


@pytest.fixture
def small(settings: Settings) -> Iterator[TestClient]:
    """An app that accepts request bodies up to SMALL_LIMIT bytes."""
    app = create_app(settings.model_copy(update={"max_upload_bytes": SMALL_LIMIT}))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def multi(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"multi_user": True}))
    with TestClient(app) as test_client:
        yield test_client


# --- oversized bodies and files -------------------------------------------------------------


def test_an_oversized_json_body_is_refused_with_413_naming_the_body(small: TestClient) -> None:
    body = b'{"area": "' + b"x" * (SMALL_LIMIT + 1) + b'"}'
    response = small.post(
        "/api/v1/estimate", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert error_of(response)["field"] == "body"
    assert str(SMALL_LIMIT) in error_of(response)["message"]


def test_an_oversized_chunked_body_without_a_length_is_refused_with_413(small: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(SMALL_LIMIT // 1000 + 5):
            yield b" " * 1000

    response = small.post(
        "/api/v1/estimate", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert error_of(response)["field"] == "body"


def test_a_content_length_that_is_not_a_number_is_a_400_naming_the_header(
    client: TestClient,
) -> None:
    headers = {"content-type": "application/json", "content-length": "lots"}
    response = client.post("/api/v1/estimate", content=b"{}", headers=headers)
    assert response.status_code == 400
    assert error_of(response) == {"field": "content-length", "message": "must be a number of bytes"}


def test_an_oversized_roster_upload_to_the_api_is_refused_with_413(small: TestClient) -> None:
    roster = b"id,title,area,salary\n" + b"1,coder,TX,50000\n" * 4000
    response = small.post("/api/v1/roster/price", files={"file": ("r.csv", roster, "text/csv")})
    assert response.status_code == 413
    assert "larger than" in error_of(response)["message"]


def test_an_oversized_roster_upload_to_the_page_is_refused_with_413(small: TestClient) -> None:
    token = csrf_from(small, "/roster")
    roster = b"id,title,area,salary\n" + b"1,coder,TX,50000\n" * 4000
    response = small.post(
        "/roster", data={"csrf_token": token}, files={"file": ("r.csv", roster, "text/csv")}
    )
    assert response.status_code == 413
    assert "larger than" in response.text


# --- deeply nested and undecodable JSON -----------------------------------------------------

JSON_ENDPOINTS = [
    "/api/v1/estimate",
    "/api/v1/col/compare",
    "/api/v1/offers/compare",
    "/api/v1/plans/simulate",
    "/api/v1/ask",
    "/api/v1/auth/login",
    "/api/v1/study/quizzes",
    "/api/v1/study/reviews",
]
DEEP_ARRAY = "[" * 10_000 + "]" * 10_000
DEEP_OBJECT = '{"a":' * 10_000 + "1" + "}" * 10_000


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_json_nested_ten_thousand_deep_is_refused_naming_the_body(
    client: TestClient, path: str, body: str
) -> None:
    response = client.post(path, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert error_of(response)["field"] == "body"
    assert "nested" in error_of(response)["message"]


@pytest.mark.parametrize("path", ["/api/v1/estimate", "/api/v1/ask", "/api/v1/study/quizzes"])
def test_a_json_body_that_is_not_utf8_is_refused_naming_the_body(
    client: TestClient, path: str
) -> None:
    response = client.post(
        path, content=b'{"area": "\xff\xfe"}', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert error_of(response)["field"] == "body"
    assert "UTF-8" in error_of(response)["message"]


def test_broken_json_names_the_body_not_a_character_offset(client: TestClient) -> None:
    response = client.post(
        "/api/v1/estimate", content=b'{"area": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert error_of(response) == {
        "field": "body",
        "message": "the request body is not valid JSON",
        "problems": [{"field": "body", "message": "the request body is not valid JSON"}],
    }


# --- invalid UTF-8 in query strings and form fields -----------------------------------------


def test_invalid_utf8_in_a_search_query_is_treated_as_text(client: TestClient) -> None:
    response = client.get("/api/v1/codes/search?q=%ff%fe")
    assert response.status_code == 200 and isinstance(response.json(), list)


@pytest.mark.parametrize(
    ("url", "field"),
    [("/api/v1/estimate?area=%ff", "area"), ("/api/v1/codes/E11%ff9", "code")],
    ids=["estimate-area", "code-lookup"],
)
def test_invalid_utf8_in_an_api_field_is_refused_naming_it(
    client: TestClient, url: str, field: str
) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert error_of(response)["field"] == field


@pytest.mark.parametrize(
    ("url", "status"),
    [("/codes?q=%ff%fe", 200), ("/estimate?area=%ff", 422), ("/ask?q=%c3%28", 200)],
    ids=["code-search-box", "estimate-area", "ask-box"],
)
def test_invalid_utf8_in_a_page_query_renders_the_page(
    client: TestClient, url: str, status: int
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")


def test_invalid_utf8_in_a_login_form_is_refused_and_creates_no_session(
    multi: TestClient,
) -> None:
    token = csrf_from(multi, "/login")
    body = f"csrf_token={token}&username=%ff%fe%00&password=whatever-long".encode()
    response = multi.post(
        "/login",
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )
    assert response.status_code in {401, 422}
    assert "medcoder_session" not in response.headers.get("set-cookie", "")


def unreadable_forms(token: str) -> dict[str, tuple[bytes, str, list[tuple[str, Any]] | None]]:
    """Form posts the CSRF check cannot parse, with the content type each is sent as."""
    many_fields = "&".join(f"f{n}=1" for n in range(1_500)) + f"&csrf_token={token}"
    return {
        "raw-bytes-not-utf8": (
            f"csrf_token={token}&username=\xff".encode("latin-1"),
            "application/x-www-form-urlencoded",
            None,
        ),
        "too-many-fields": (many_fields.encode(), "application/x-www-form-urlencoded", None),
        "multipart-without-boundary": (b"garbage", "multipart/form-data", None),
        "too-many-files": (b"", "", [("file", (f"r{n}.csv", b"x")) for n in range(12)]),
    }


@pytest.mark.parametrize(
    "case",
    ["raw-bytes-not-utf8", "too-many-fields", "multipart-without-boundary", "too-many-files"],
)
def test_a_form_body_that_cannot_be_parsed_is_a_400_naming_the_body(
    client: TestClient, case: str
) -> None:
    token = csrf_from(client, "/roster")
    content, content_type, files = unreadable_forms(token)[case]
    if files is not None:
        response = client.post("/roster", data={"csrf_token": token}, files=files)
    else:
        response = client.post("/roster", content=content, headers={"content-type": content_type})
    assert response.status_code == 400
    assert "the form cannot be read" in response.text


# --- HTML and script in every text field that is rendered back ------------------------------

PAGE_FIELDS = [
    ("/estimate", {"area": SCRIPT}),
    ("/estimate", {"area": "TX", "specialty": SCRIPT}),
    ("/estimate", {"area": "TX", "setting": SCRIPT}),
    ("/estimate", {"area": "TX", "credential": SCRIPT}),
    ("/estimate", {"area": "TX", "years": SCRIPT}),
    ("/estimate", {"area": "TX", "work_model": SCRIPT}),
    ("/codes", {"q": SCRIPT}),
    ("/codes/_results", {"q": SCRIPT}),
    ("/concepts", {"q": SCRIPT}),
    ("/ask", {"q": SCRIPT}),
    ("/cost-of-living", {"amount": "5", "from_area": SCRIPT, "to_area": "TX"}),
    ("/cost-of-living", {"amount": SCRIPT, "from_area": "TX", "to_area": "CA"}),
    ("/cost-of-living", {"pay_area": SCRIPT, "live_area": "TX"}),
    ("/offers", {"o1_name": SCRIPT, "o1_base": "50000", "o1_location": "TX",
                 "o2_name": "B", "o2_base": "60000", "o2_location": "CA"}),
    ("/offers", {"o1_name": SCRIPT, "o1_base": "lots"}),
    ("/offers", {"o1_name": "A", "o1_base": "50000", "o1_location": SCRIPT,
                 "o2_name": "B", "o2_base": "60000", "o2_location": "CA"}),
    ("/plans", {"years": "10", "name": SCRIPT, "s1_action": "gain_years", "s1_value": "2",
                "s1_year": "1"}),
    ("/plans", {"years": "10", "name": "A", "start_area": SCRIPT}),
    ("/plans", {"years": "10", "name": "A", "s1_action": "relocate", "s1_value": SCRIPT}),
    ("/plans", {"years": "10", "preset": SCRIPT}),
]  # fmt: skip
PAGE_IDS = [f"{path}-{'-'.join(k for k, v in fields.items() if v == SCRIPT)}" for path, fields in
            PAGE_FIELDS]  # fmt: skip


@pytest.mark.parametrize(("path", "fields"), PAGE_FIELDS, ids=PAGE_IDS)
def test_script_typed_into_a_field_comes_back_escaped(
    client: TestClient, path: str, fields: dict[str, str]
) -> None:
    response = client.get(path, params=fields)
    assert response.status_code in {200, 422}
    assert SCRIPT not in response.text
    assert ESCAPED in response.text


def test_script_in_roster_ids_and_titles_comes_back_escaped(client: TestClient) -> None:
    token = csrf_from(client, "/roster")
    roster = f"id,title,area,salary\n{SCRIPT},{MARKET_ROW}\n2,{SCRIPT},TX,50000\n".encode()
    response = client.post("/roster", data={"csrf_token": token}, files={"file": ("r.csv", roster)})
    assert response.status_code == 200
    assert SCRIPT not in response.text and ESCAPED in response.text


@pytest.mark.parametrize("form", ["signup", "login"])
def test_script_as_a_username_is_refused_escaped_and_stores_nothing(
    multi: TestClient, form: str
) -> None:
    token = csrf_from(multi, f"/{form}")
    response = multi.post(
        f"/{form}",
        data={"csrf_token": token, "username": SCRIPT, "password": "correct horse battery"},
        follow_redirects=False,
    )
    assert response.status_code in {401, 422}
    assert SCRIPT not in response.text and ESCAPED in response.text
    factory = multi.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(User)) == 0


# --- null bytes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/codes/E11%009", "code"),
        ("/api/v1/estimate?area=T%00X", "area"),
        ("/api/v1/col/rpp?area=T%00X", "area"),
        ("/api/v1/explain?term=%00", "term"),
    ],
    ids=["code", "estimate-area", "rpp-area", "explain-term"],
)
def test_a_null_byte_in_an_api_field_is_refused_naming_it(
    client: TestClient, url: str, field: str
) -> None:
    response = client.get(url)
    assert response.status_code in {404, 422}
    assert error_of(response)["field"] == field


def test_a_null_byte_in_a_search_is_only_a_character(client: TestClient) -> None:
    assert client.get("/api/v1/codes/search", params={"q": "diabetes\x00"}).status_code == 200
    assert client.get("/api/v1/concepts", params={"q": "\x00excludes"}).status_code == 200


# --- extremely long strings -----------------------------------------------------------------

LONG = "x" * 30_000


@pytest.mark.parametrize(
    ("method", "url", "payload", "field"),
    [
        ("GET", "/api/v1/estimate", {"area": LONG}, "area"),
        ("GET", "/api/v1/col/rpp", {"area": LONG}, "area"),
        ("GET", "/api/v1/rankings/metros", {"state": LONG}, "state"),
        ("GET", "/api/v1/estimate", {"setting": LONG}, "setting"),
        ("POST", "/api/v1/col/compare", {"amount": 1, "from_area": LONG, "to_area": "TX"},
         "from_area"),
        ("GET", f"/api/v1/codes/{LONG}", None, "code"),
        ("GET", "/api/v1/ask", {"q": LONG}, "q"),
        ("GET", "/api/v1/explain", {"term": LONG}, "term"),
    ],
    ids=["estimate-area", "rpp-area", "metros-state", "estimate-setting", "col-from-area", "code",
         "ask", "explain"],
)  # fmt: skip
def test_a_very_long_field_is_refused_quickly_naming_it(
    client: TestClient, method: str, url: str, payload: dict[str, Any] | None, field: str
) -> None:
    if method == "GET":
        response = client.get(url, params=payload)
    else:
        response = client.post(url, json=payload)
    assert response.status_code == 422
    assert error_of(response)["field"] == field
    # The message says how long it may be instead of echoing thirty thousand characters back.
    assert len(response.text) < 2_000


@pytest.mark.parametrize(
    ("url", "params"),
    [("/api/v1/codes/search", {"q": LONG}), ("/api/v1/concepts", {"q": LONG}),
     ("/codes", {"q": LONG}), ("/concepts", {"q": LONG})],
    ids=["code-search", "concept-search", "code-search-page", "concept-search-page"],
)  # fmt: skip
def test_a_very_long_search_is_answered(
    client: TestClient, url: str, params: dict[str, str]
) -> None:
    assert client.get(url, params=params).status_code == 200


def test_a_very_long_area_on_the_cli_exits_2_naming_the_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run_cli(capsys, "estimate", "--area", LONG)
    assert code == 2
    assert err.startswith("error: area:") and len(err) < 500
