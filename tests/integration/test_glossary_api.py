"""The glossary and Q&A through the JSON API, the HTML pages and the command line."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from medcoder.cli import app, main

API = "/api/v1"


def test_the_concept_list_is_grouped_with_icd10_conventions_first(client: TestClient) -> None:
    body = client.get(f"{API}/concepts").json()
    assert body["count"] == sum(len(group["concepts"]) for group in body["groups"]) >= 40
    assert body["groups"][0]["group"] == "ICD-10-CM conventions"
    assert {"slug", "title", "summary", "url"} <= set(body["groups"][0]["concepts"][0])


def test_one_concept_comes_back_with_its_markdown_body(client: TestClient) -> None:
    body = client.get(f"{API}/concepts/excludes1").json()
    assert body["title"] == "Excludes1 notes"
    assert "excludes2" in body["see_also"]
    assert "Z87.891" in body["codes"]


def test_an_unknown_concept_is_a_404_naming_the_field(client: TestClient) -> None:
    response = client.get(f"{API}/concepts/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"]["field"] == "concept"


def test_explain_answers_terms_and_codes(client: TestClient) -> None:
    assert client.get(f"{API}/explain", params={"term": "mod 59"}).json()["url"] == (
        "/concepts/modifier-59"
    )
    code = client.get(f"{API}/explain", params={"term": "E11.22"}).json()
    assert code["kind"] == "code" and code["code"]["url"] == "/codes/E11.22"


def test_explain_rejects_unknown_terms_with_suggestions(client: TestClient) -> None:
    response = client.get(f"{API}/explain", params={"term": "zzqqxx"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == "term" and "excludes1" in error["suggestions"]


def test_ask_by_post_and_by_get_give_the_same_cited_answer(client: TestClient) -> None:
    question = "can I code E11.9 with E11.65?"
    posted = client.post(f"{API}/ask", json={"question": question}).json()
    fetched = client.get(f"{API}/ask", params={"q": question}).json()
    assert posted == fetched
    assert posted["used_llm"] is False
    assert [p["url"] for p in posted["passages"][:2]] == ["/codes/E11.9", "/codes/E11.65"]


@pytest.mark.parametrize("payload", [{}, {"question": ""}, {"question": "x" * 1001}])
def test_ask_rejects_missing_empty_and_overlong_questions(client: TestClient, payload) -> None:
    response = client.post(f"{API}/ask", json=payload)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "question"


def test_the_concept_page_renders_the_body_and_see_also_links(client: TestClient) -> None:
    page = client.get("/concepts/placeholder-x")
    assert page.status_code == 200
    assert "<h1>Placeholder X</h1>" in page.text
    assert '<a href="/concepts/seventh-character">' in page.text
    assert '<a href="/codes/T36.0X1">T36.0X1</a>' in page.text


def test_the_concept_list_page_searches_without_javascript(client: TestClient) -> None:
    page = client.get("/concepts", params={"q": "excludes 1"})
    assert page.status_code == 200
    assert 'href="/concepts/excludes1">Excludes1 notes</a> —' in page.text


def test_a_concept_page_under_an_alias_redirects_to_the_real_address(client: TestClient) -> None:
    response = client.get("/concepts/drug-units", follow_redirects=False)
    assert response.status_code == 308
    assert response.headers["location"] == "/concepts/j-code-units"


def test_an_unknown_concept_page_is_a_404_with_a_search_link(client: TestClient) -> None:
    page = client.get("/concepts/nope")
    assert page.status_code == 404
    assert "/concepts?q=nope" in page.text


def test_the_ask_page_shows_the_answer_with_linked_citations(client: TestClient) -> None:
    page = client.get("/ask", params={"q": "when do I use modifier 59?"})
    assert page.status_code == 200
    assert '<a class="cite" href="#passage-1">[1]</a>' in page.text
    assert 'id="passage-1"' in page.text and 'href="/concepts/modifier-59"' in page.text


def test_the_ask_page_shows_an_empty_question_error_next_to_the_field(client: TestClient) -> None:
    page = client.get("/ask", params={"q": "   "})
    assert page.status_code == 422
    assert 'aria-invalid="true"' in page.text and 'id="q-error"' in page.text


def test_cli_explain_prints_json_for_a_term() -> None:
    result = CliRunner().invoke(app, ["explain", "excludes1", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["concept"]["slug"] == "excludes1"


def test_cli_ask_prints_the_cited_answer() -> None:
    result = CliRunner().invoke(app, ["ask", "when do I use modifier 59?"])
    assert result.exit_code == 0
    assert "[1] Modifier 59 and the X{EPSU} modifiers — concept — /concepts/modifier-59" in (
        result.stdout
    )


def test_cli_explain_of_an_unknown_term_exits_2_with_an_error_object(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["explain", "zzqqxx", "--json"])
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["error"]["field"] == "term"
    assert captured.err.startswith("error: term: no glossary concept matches")
