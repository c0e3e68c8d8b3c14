"""Account isolation on a multi-user server: one user can neither read nor change another's data
through any route.

The routes are enumerated from the app itself, so a new route is caught: it must be listed here as
public or user-scoped, and a user-scoped route with an id in its path is attacked with another
user's ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, select

from medcoder.settings import Settings
from medcoder.web.app import create_app
from tests.support.routes import RouteInfo, app_routes, fill_path

STUDY = "/api/v1/study"

# Routes anyone may call: bundled data, the account forms themselves, docs.
PUBLIC_ROUTES = {
    "GET /api/v1/health",
    "GET /api/v1/sources",
    "POST /api/v1/auth/signup",
    "POST /api/v1/auth/login",
    "POST /api/v1/auth/logout",
    "GET /api/v1/wages",
    "GET /api/v1/rankings/states",
    "GET /api/v1/rankings/metros",
    "GET /api/v1/areas",
    "GET /api/v1/estimate",
    "POST /api/v1/estimate",
    "GET /api/v1/outlook",
    "GET /api/v1/claims",
    "GET /api/v1/claims/comparisons",
    "GET /api/v1/careers/ladder",
    "GET /api/v1/careers/alternatives",
    "GET /api/v1/settings",
    "GET /api/v1/credentials",
    "POST /api/v1/col/compare",
    "GET /api/v1/col/rpp",
    "GET /api/v1/col/remote",
    "POST /api/v1/plans/simulate",
    "GET /api/v1/plans/presets",
    "POST /api/v1/offers/compare",
    "POST /api/v1/roster/price",
    "GET /api/v1/codes/search",
    "GET /api/v1/codes/code-set",
    "GET /api/v1/codes/chapters",
    "GET /api/v1/codes/chapters/{number}",
    "GET /api/v1/codes/blocks/{code_range}",
    "GET /api/v1/codes/{code}/full-code",
    "GET /api/v1/codes/{code}",
    "GET /api/v1/concepts",
    "GET /api/v1/concepts/{slug}",
    "GET /api/v1/explain",
    "POST /api/v1/ask",
    "GET /api/v1/ask",
    "GET /api/v1/study/decks/{deck}/export",
    "GET /api/v1/docs",
    "GET /login",
    "POST /login",
    "GET /signup",
    "POST /signup",
    "POST /logout",
    "GET /",
    "GET /settings",
    "GET /credentials",
    "GET /states",
    "GET /states/{postal}",
    "GET /metros/{area_code}",
    "GET /estimate",
    "GET /careers",
    "GET /sources",
    "GET /cost-of-living",
    "GET /plans",
    "GET /offers",
    "GET /roster",
    "POST /roster",
    "GET /codes",
    "GET /codes/_results",
    "GET /codes/chapters/{number}",
    "GET /codes/blocks/{code_range}",
    "GET /codes/{code}",
    "GET /concepts",
    "GET /concepts/{slug}",
    "GET /ask",
    "GET /study/cards/{deck}/export.apkg",
}

# Every user-scoped route, with a valid request body (JSON for the API, form fields for pages),
# so a refusal is the ownership check and not input validation. "{card}" is a real card id.
USER_SCOPED_ROUTES: dict[str, dict[str, Any] | None] = {
    "GET /api/v1/auth/me": None,
    f"POST {STUDY}/exams": {"count": 3, "seed": 7},
    f"POST {STUDY}/quizzes": {"area": "icd10cm", "count": 2, "seed": 7},
    f"GET {STUDY}/attempts": None,
    f"GET {STUDY}/attempts/{{attempt_id}}": None,
    f"POST {STUDY}/attempts/{{attempt_id}}/answers": {"number": 1, "choice": "B"},
    f"POST {STUDY}/attempts/{{attempt_id}}/flags": {"number": 3, "flagged": True},
    f"POST {STUDY}/attempts/{{attempt_id}}/submit": {},
    f"GET {STUDY}/attempts/{{attempt_id}}/results": None,
    f"POST {STUDY}/attempts/{{attempt_id}}/tags": {"number": 1, "tag": "time"},
    f"POST {STUDY}/drills": {"seed": 7},
    f"GET {STUDY}/drills": None,
    f"GET {STUDY}/drills/{{lookup_id}}": None,
    f"POST {STUDY}/drills/{{lookup_id}}/answer": {"code": "E11.9"},
    f"GET {STUDY}/decks": None,
    f"GET {STUDY}/due": None,
    f"POST {STUDY}/reviews": {"card_id": "{card}", "rating": 4},
    f"GET {STUDY}/settings": None,
    f"PUT {STUDY}/settings": {"desired_retention": 0.8},
    f"GET {STUDY}/progress": None,
    "GET /study": None,
    "POST /study/exams": {"count": "3"},
    "POST /study/quizzes": {"area": "icd10cm", "quiz_count": "2"},
    "GET /study/attempts/{attempt_id}": None,
    "POST /study/attempts/{attempt_id}/answer": {"number": "1", "choice": "B"},
    "POST /study/attempts/{attempt_id}/flag": {"number": "3", "flagged": "true"},
    "POST /study/attempts/{attempt_id}/submit": {},
    "GET /study/attempts/{attempt_id}/results": None,
    "POST /study/attempts/{attempt_id}/tag": {"number": "1", "tag": "time"},
    "GET /study/cards": None,
    "POST /study/cards/settings": {"desired_retention": "0.8"},
    "GET /study/cards/review": None,
    "POST /study/cards/review": {"card_id": "{card}", "rating": "4"},
    "GET /study/drills": None,
    "POST /study/drills": {},
    "GET /study/drills/{lookup_id}": None,
    "POST /study/drills/{lookup_id}": {"code": "E11.9"},
}

# Which of the owner's objects each path parameter of a user-scoped route names.
ID_PARAMS = {"attempt_id": "attempts", "lookup_id": "lookups"}
MISSING_ID = 987_654


@dataclass
class World:
    app: Any
    alice: TestClient
    bob: TestClient
    anonymous: TestClient
    routes: list[RouteInfo]
    ids: dict[str, list[int]] = field(default_factory=dict)
    bob_ids: dict[str, list[int]] = field(default_factory=dict)
    alice_stems: list[str] = field(default_factory=list)
    card: str = ""
    bob_before: dict[str, str] = field(default_factory=dict)


def sign_up(client: TestClient, username: str) -> None:
    response = client.post(
        "/api/v1/auth/signup", json={"username": username, "password": f"{username}-pass-phrase"}
    )
    assert response.status_code == 201, response.text


def csrf_token(client: TestClient, path: str = "/login") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def submitted_quiz_with_a_tagged_miss(client: TestClient, seed: int) -> int:
    quiz = client.post(f"{STUDY}/quizzes", json={"area": "icd10cm", "count": 3, "seed": seed})
    attempt = quiz.json()["id"]
    for question in quiz.json()["questions"]:
        client.post(
            f"{STUDY}/attempts/{attempt}/answers",
            json={"number": question["number"], "choice": "A"},
        )
    result = client.post(f"{STUDY}/attempts/{attempt}/submit", json={}).json()
    missed = [item["number"] for item in result["items"] if not item["correct"]]
    assert missed, "choose a seed whose quiz has a miss to tag"
    tagged = client.post(
        f"{STUDY}/attempts/{attempt}/tags", json={"number": missed[0], "tag": "lookup"}
    )
    assert tagged.status_code == 200
    return int(attempt)


def one_of_everything(client: TestClient, seed: int) -> dict[str, list[int]]:
    """An open exam (one answer, one flag), a submitted quiz with a tagged miss, an open and an
    answered lookup drill, two flashcard reviews and a retention setting."""
    exam = client.post(f"{STUDY}/exams", json={"count": 5, "seed": seed}).json()
    client.post(f"{STUDY}/attempts/{exam['id']}/answers", json={"number": 1, "choice": "C"})
    client.post(f"{STUDY}/attempts/{exam['id']}/flags", json={"number": 2})
    quiz = submitted_quiz_with_a_tagged_miss(client, seed)
    open_drill = client.post(f"{STUDY}/drills", json={"seed": seed}).json()["id"]
    answered_drill = client.post(f"{STUDY}/drills", json={"seed": seed + 1}).json()["id"]
    client.post(f"{STUDY}/drills/{answered_drill}/answer", json={"code": "R51.9"})
    due = client.get(f"{STUDY}/due").json()
    for card, rating in zip(due[:2], (3, 1), strict=True):
        assert client.post(
            f"{STUDY}/reviews", json={"card_id": card["id"], "rating": rating}
        ).is_success
    return {"attempts": [exam["id"], quiz], "lookups": [open_drill, answered_drill]}


def list_routes(world: World) -> list[RouteInfo]:
    return [r for r in world.routes if r.user_scoped and r.method == "GET" and not r.params]


def database_rows(app: Any) -> dict[str, set[tuple[Any, ...]]]:
    engine = app.state.engine
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return {
            name: {tuple(row) for row in connection.execute(select(table))}
            for name, table in metadata.tables.items()
        }


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    data_dir: Path = tmp_path_factory.mktemp("authorization")
    app = create_app(Settings(data_dir=data_dir, multi_user=True))
    with (
        TestClient(app) as alice,
        TestClient(app) as bob,
        TestClient(app) as anonymous,
    ):
        world = World(app, alice, bob, anonymous, app_routes(app))
        sign_up(alice, "alice")
        sign_up(bob, "bobby")
        world.bob_ids = one_of_everything(bob, seed=41)
        bob.put(f"{STUDY}/settings", json={"desired_retention": 0.93})
        world.bob_before = {r.path: bob.get(r.path).text for r in list_routes(world)}
        world.ids = one_of_everything(alice, seed=3)
        alice.put(f"{STUDY}/settings", json={"desired_retention": 0.85})
        exam = alice.get(f"{STUDY}/attempts/{world.ids['attempts'][0]}").json()
        world.alice_stems = [question["stem"] for question in exam["questions"]]
        world.card = alice.get(f"{STUDY}/due").json()[0]["id"]
        yield world


def request(client: TestClient, route: RouteInfo, path: str, world: World) -> Any:
    body = USER_SCOPED_ROUTES[route.key]
    if body is not None:
        body = {key: world.card if value == "{card}" else value for key, value in body.items()}
    if route.is_api:
        return client.request(route.method, path, json=body if route.changes_state else None)
    if route.changes_state:
        form = {**(body or {}), "csrf_token": csrf_token(client)}
        return client.request(route.method, path, data=form, follow_redirects=False)
    return client.get(path, follow_redirects=False)


def test_every_route_is_classified_as_public_or_user_scoped(world: World) -> None:
    served = {route.key for route in world.routes}
    known = PUBLIC_ROUTES | set(USER_SCOPED_ROUTES)
    assert not PUBLIC_ROUTES & set(USER_SCOPED_ROUTES)
    assert served - known == set(), (
        "new routes: add each to PUBLIC_ROUTES or USER_SCOPED_ROUTES in this file"
    )
    assert known - served == set(), "routes listed here that the app no longer serves"


def test_user_scoped_routes_are_exactly_those_that_need_the_current_user(world: World) -> None:
    needs_user = {route.key for route in world.routes if route.user_scoped}
    assert needs_user == set(USER_SCOPED_ROUTES)


def test_every_id_in_a_user_scoped_path_names_an_object_this_test_owns(world: World) -> None:
    params = {param for route in world.routes if route.user_scoped for param in route.params}
    assert params <= set(ID_PARAMS), "teach ID_PARAMS which of alice's objects the new id names"
    assert all(world.ids[kind] for kind in ID_PARAMS.values())


def test_another_users_ids_answer_404_on_every_user_scoped_route(world: World) -> None:
    before = database_rows(world.app)
    id_routes = [route for route in world.routes if route.user_scoped and route.params]
    assert {route.key for route in id_routes} == {key for key in USER_SCOPED_ROUTES if "{" in key}
    for route in id_routes:
        param = route.params[0]
        missing = request(world.bob, route, fill_path(route.path, {param: MISSING_ID}), world)
        assert missing.status_code == 404, route.key
        for owned in world.ids[ID_PARAMS[param]]:
            response = request(world.bob, route, fill_path(route.path, {param: owned}), world)
            assert response.status_code == 404, f"{route.key} with alice's id {owned}"
            assert not any(stem in response.text for stem in world.alice_stems), route.key
            if route.is_api:
                assert response.json()["error"]["message"] == f"not found: {owned}"
            else:
                assert "Not found" in response.text
    after = database_rows(world.app)
    for table, rows in before.items():
        assert rows <= after[table], f"bob changed or removed alice's rows in {table}"


def test_the_owner_still_reaches_every_id_route(world: World) -> None:
    for route in world.routes:
        if route.user_scoped and route.params and route.method == "GET":
            param = route.params[0]
            for owned in world.ids[ID_PARAMS[param]]:
                path = fill_path(route.path, {param: owned})
                response = world.alice.get(path, follow_redirects=False)
                # 422 is the results of a still-open exam: found, just not finished yet.
                assert response.status_code in {200, 303, 422}, f"{route.key} for its owner"


def test_list_and_progress_routes_show_another_user_nothing_of_theirs(world: World) -> None:
    routes = list_routes(world)
    assert {route.path for route in routes} == set(world.bob_before)
    assert len(routes) > 10
    for route in routes:
        assert world.bob.get(route.path).text == world.bob_before[route.path], (
            f"{route.path} changed for bob when alice studied"
        )
    bob_attempts = {a["id"] for a in world.bob.get(f"{STUDY}/attempts").json()}
    alice_attempts = {a["id"] for a in world.alice.get(f"{STUDY}/attempts").json()}
    assert bob_attempts == set(world.bob_ids["attempts"])
    assert alice_attempts == set(world.ids["attempts"])
    dashboard = world.bob.get("/study").text
    for attempt in world.ids["attempts"]:
        assert f"/study/attempts/{attempt}" not in dashboard
    drills = world.bob.get("/study/drills").text
    assert all(f"/study/drills/{lookup}" not in drills for lookup in world.ids["lookups"])
    assert len(world.bob.get(f"{STUDY}/drills").json()["points"]) == 1
    assert world.bob.get(f"{STUDY}/settings").json() == {"desired_retention": 0.93}
    assert world.alice.get(f"{STUDY}/settings").json() == {"desired_retention": 0.85}
    assert world.bob.get("/api/v1/auth/me").json()["username"] == "bobby"
    # Each answered 3 quiz questions and 1 exam question and tagged one miss as a lookup miss.
    for client in (world.bob, world.alice):
        progress = client.get(f"{STUDY}/progress").json()
        assert sum(area["answered"] for area in progress["readiness"]) == 4
        tags = {tag["tag"]: tag["misses"] for tag in progress["misses_by_tag"]}
        assert tags["lookup"] == 1


def test_every_user_scoped_route_needs_a_session(world: World) -> None:
    for route in world.routes:
        if not route.user_scoped:
            continue
        path = fill_path(route.path, dict.fromkeys(route.params, world.ids["attempts"][0]))
        response = request(world.anonymous, route, path, world)
        assert response.status_code == 401, route.key
        if route.is_api:
            assert "log in to use this page" in response.text
        else:
            assert "Please log in" in response.text
            assert f'href="/login?next={path}"' in response.text
