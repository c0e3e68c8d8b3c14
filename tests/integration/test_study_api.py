"""The study API over a real app: quizzes and exams end to end, drills, isolation between users."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from medcoder.settings import Settings
from medcoder.study.blueprint import assemble_quiz
from medcoder.study.drills import expected_code
from medcoder.study.practice import drill_question
from medcoder.web.app import create_app

STUDY = "/api/v1/study"


def test_a_quiz_is_answered_submitted_and_scored_by_area(client: TestClient) -> None:
    created = client.post(f"{STUDY}/quizzes", json={"area": "icd10cm", "count": 3, "seed": 11})
    assert created.status_code == 201
    state = created.json()
    expected = assemble_quiz("icd10cm", 3, seed=11)
    assert [q["id"] for q in state["questions"]] == [q.id for q in expected]
    assert "answer" not in state["questions"][0], "the answer must not leak before submitting"

    attempt = state["id"]
    for number, question in enumerate(expected, start=1):
        choice = (
            question.answer
            if number < 3
            else next(option for option in question.options if option != question.answer)
        )
        answered = client.post(
            f"{STUDY}/attempts/{attempt}/answers", json={"number": number, "choice": choice}
        )
        assert answered.status_code == 200
    flagged = client.post(f"{STUDY}/attempts/{attempt}/flags", json={"number": 3})
    assert flagged.json()["flagged"] == [3]

    result = client.post(f"{STUDY}/attempts/{attempt}/submit", json={}).json()
    assert (result["correct"], result["total"], result["passed"]) == (2, 3, False)
    assert result["by_area"] == [
        {"area": "icd10cm", "label": "ICD-10-CM", "correct": 2, "total": 3, "share": 2 / 3}
    ]
    assert result["items"][2]["question"]["explanation"]
    tagged = client.post(f"{STUDY}/attempts/{attempt}/tags", json={"number": 3, "tag": "lookup"})
    assert tagged.json()["misses_by_tag"][0] == {
        "tag": "lookup",
        "label": "Lookup: could not find the code or note in time",
        "misses": 1,
        "share_of_tagged": 1.0,
    }
    late = client.post(f"{STUDY}/attempts/{attempt}/answers", json={"number": 1, "choice": "A"})
    assert late.status_code == 422 and late.json()["error"]["field"] == "attempt"


def test_a_full_exam_has_100_questions_and_240_minutes(client: TestClient) -> None:
    state = client.post(f"{STUDY}/exams", json={"seed": 5}).json()
    assert state["total"] == 100
    assert state["seconds_left"] > 239 * 60
    again = client.get(f"{STUDY}/attempts/{state['id']}").json()
    assert again["questions"] == state["questions"]
    listed = client.get(f"{STUDY}/attempts").json()
    assert [(a["id"], a["kind"], a["submitted_at"]) for a in listed] == [
        (state["id"], "exam", None)
    ]


def test_bad_study_input_names_the_field(client: TestClient) -> None:
    unknown_area = client.post(f"{STUDY}/quizzes", json={"area": "astrology", "count": 3})
    assert unknown_area.status_code == 422
    assert unknown_area.json()["error"]["field"] == "area"
    assert client.get(f"{STUDY}/attempts/999").status_code == 404
    bad_retention = client.put(f"{STUDY}/settings", json={"desired_retention": 1.2})
    assert bad_retention.status_code == 422
    assert client.put(f"{STUDY}/settings", json={"desired_retention": 0.85}).status_code == 200
    assert client.get(f"{STUDY}/settings").json() == {"desired_retention": 0.85}


def test_a_lookup_drill_checks_the_typed_code_after_normalising(client: TestClient) -> None:
    code = expected_code(drill_question(3))
    lookup = client.post(f"{STUDY}/drills", json={"seed": 3}).json()
    assert lookup["expected_code"] is None
    typed = code.lower().replace(".", "")
    answered = client.post(f"{STUDY}/drills/{lookup['id']}/answer", json={"code": typed}).json()
    assert (answered["correct"], answered["expected_code"]) == (True, code)
    history = client.get(f"{STUDY}/drills").json()
    assert len(history["points"]) == 1 and history["target_seconds"] == 144


@pytest.fixture
def multi(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"multi_user": True}))
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


def test_one_user_cannot_read_or_change_another_users_attempts(multi: TestClient) -> None:
    multi.post("/api/v1/auth/signup", json={"username": "ana", "password": "a" * 12})
    attempt = multi.post(f"{STUDY}/quizzes", json={"area": "icd10cm", "count": 2, "seed": 1})
    attempt_id = attempt.json()["id"]
    lookup_id = multi.post(f"{STUDY}/drills", json={"seed": 2}).json()["id"]
    multi.post("/api/v1/auth/logout", json={})
    multi.post("/api/v1/auth/signup", json={"username": "ben", "password": "b" * 12})

    base = f"{STUDY}/attempts/{attempt_id}"
    assert multi.get(base).status_code == 404
    assert multi.get(f"{base}/results").status_code == 404
    assert multi.post(f"{base}/answers", json={"number": 1, "choice": "A"}).status_code == 404
    assert multi.post(f"{base}/flags", json={"number": 1}).status_code == 404
    assert multi.post(f"{base}/submit", json={}).status_code == 404
    assert multi.post(f"{base}/tags", json={"number": 1, "tag": "time"}).status_code == 404
    assert multi.get(f"{STUDY}/drills/{lookup_id}").status_code == 404
    assert multi.post(f"{STUDY}/drills/{lookup_id}/answer", json={"code": "A1"}).status_code == 404
    assert multi.get(f"{STUDY}/attempts").json() == []
    assert multi.get(f"{STUDY}/drills").json()["points"] == []
    assert multi.get(f"/study/attempts/{attempt_id}").status_code == 404


def test_flashcards_through_the_api_schedule_export_and_show_on_progress(
    client: TestClient,
) -> None:
    decks = {deck["deck"]: deck for deck in client.get(f"{STUDY}/decks").json()}
    assert {"terminology", "anatomy", "common-codes", "guidelines", "modifiers"} <= set(decks)
    due = client.get(f"{STUDY}/due", params={"deck": "modifiers"}).json()
    assert len(due) == min(decks["modifiers"]["cards"], 20) and due[0]["is_new"]
    again = client.post(f"{STUDY}/reviews", json={"card_id": due[0]["id"], "rating": 1}).json()
    good = client.post(f"{STUDY}/reviews", json={"card_id": due[1]["id"], "rating": 3}).json()
    assert good["next_due"] > again["next_due"]
    after = {deck["deck"]: deck for deck in client.get(f"{STUDY}/decks").json()}
    assert after["modifiers"]["new"] == decks["modifiers"]["new"] - 2
    package = client.get(f"{STUDY}/decks/modifiers/export")
    assert package.status_code == 200 and package.content[:2] == b"PK"
    assert client.get(f"{STUDY}/decks/nonsense/export").status_code == 422
    progress = client.get(f"{STUDY}/progress").json()
    assert progress["streak"]["current_days"] == 1
    assert len(progress["readiness"]) == 17
