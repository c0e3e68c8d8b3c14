"""The study pages without JavaScript: forms start, answer, flag, submit, review and tag."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from markupsafe import escape

from medcoder.study.blueprint import assemble_quiz
from medcoder.study.practice import deck_cards, deck_names


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF field on the page"
    return match.group(1)


def test_a_quiz_taken_through_the_forms_ends_on_a_review_page(client: TestClient) -> None:
    dashboard = client.get("/study")
    assert dashboard.status_code == 200
    assert "Readiness by content area" in dashboard.text
    token = csrf_from(dashboard.text)
    started = client.post(
        "/study/quizzes",
        data={"area": "icd10cm", "quiz_count": "2", "csrf_token": token},
        follow_redirects=False,
    )
    assert started.status_code == 303
    page = client.get(started.headers["location"])
    assert "Question <strong>1</strong> of 2" in page.text
    attempt_url = started.headers["location"]

    missing = client.post(f"{attempt_url}/answer", data={"number": "1", "csrf_token": token})
    assert missing.status_code == 422 and "Choose an option." in missing.text
    answered = client.post(
        f"{attempt_url}/answer",
        data={"number": "1", "choice": "B", "csrf_token": token},
        follow_redirects=False,
    )
    assert (answered.status_code, answered.headers["location"]) == (303, f"{attempt_url}?q=2")
    client.post(f"{attempt_url}/flag", data={"number": "2", "flagged": "true", "csrf_token": token})
    second = client.get(f"{attempt_url}?q=2")
    assert "Remove flag" in second.text and "Flagged:" in second.text

    results = client.post(f"{attempt_url}/submit", data={"csrf_token": token})
    assert "By content area" in results.text
    assert "Why missed?" in results.text  # question 2 was left blank, so it is a miss to tag
    tagged = client.post(
        f"{attempt_url}/tag", data={"number": "2", "tag": "time", "csrf_token": token}
    )
    assert "tagged: time" in tagged.text


def test_the_start_forms_keep_what_was_typed_and_explain_the_error(client: TestClient) -> None:
    token = csrf_from(client.get("/study").text)
    response = client.post(
        "/study/quizzes", data={"area": "icd10cm", "quiz_count": "0", "csrf_token": token}
    )
    assert response.status_code == 422
    assert 'id="quiz-count-error"' in response.text
    assert 'value="0"' in response.text


def test_the_review_page_shows_a_card_and_rating_moves_to_the_next(client: TestClient) -> None:
    deck = deck_names()[0]
    first = deck_cards(deck)[0]
    page = client.get(f"/study/cards/review?deck={deck}")
    assert str(escape(first.front)) in page.text and "Show answer" in page.text
    shown = client.get(f"/study/cards/review?deck={deck}&show=1")
    assert str(escape(first.back)) in shown.text
    rated = client.post(
        "/study/cards/review",
        data={
            "card_id": first.id,
            "deck": deck,
            "rating": "3",
            "csrf_token": csrf_from(shown.text),
        },
    )
    assert "Saved: Good." in rated.text
    shown_next = re.search(r'id="card-front">([^<]*)<', rated.text)
    assert shown_next and shown_next.group(1) != str(escape(first.front))
    decks = client.get("/study/cards")
    assert f"/study/cards/{deck}/export.apkg" in decks.text


def test_a_lookup_drill_page_shows_the_scenario_beside_the_code_browser(
    client: TestClient,
) -> None:
    token = csrf_from(client.get("/study/drills").text)
    started = client.post("/study/drills", data={"csrf_token": token}, follow_redirects=False)
    page = client.get(started.headers["location"])
    assert 'iframe name="code-browser" src="/codes"' in page.text
    assert "Which" in page.text
    empty = client.post(started.headers["location"], data={"code": " ", "csrf_token": token})
    assert empty.status_code == 422 and "type the code you found" in empty.text
    done = client.post(started.headers["location"], data={"code": "Z00.00", "csrf_token": token})
    assert "Took" in done.text
    assert "1 lookups" in client.get("/study/drills").text


def test_quizzes_reproduce_for_a_seed() -> None:
    assert [q.id for q in assemble_quiz("icd10cm", 5, seed=3)] == [
        q.id for q in assemble_quiz("icd10cm", 5, seed=3)
    ]
