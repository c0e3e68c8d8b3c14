"""Hostile input that reaches the database, on SQLite and on PostgreSQL.

PostgreSQL refuses text holding NUL, so a NUL that slips through validation is a 500 there even
when SQLite stores it happily. Each case must be refused naming the field and change nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from medcoder.settings import Settings
from medcoder.web.app import create_app
from tests.integration.hostile_support import SCRIPT, csrf_from, error_of


@pytest.fixture
def app_on(database_url: str, tmp_path: Path) -> Iterator[TestClient]:
    """A multi-user app on SQLite and on PostgreSQL (which cannot store NUL in text)."""
    settings = Settings(data_dir=tmp_path / "app", database_url=database_url, multi_user=True)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_a_null_byte_in_a_drill_answer_is_refused_and_the_drill_stays_open(
    app_on: TestClient,
) -> None:
    signup = {"username": "maria", "password": "p" * 12}
    assert app_on.post("/api/v1/auth/signup", json=signup).status_code == 201
    drill = app_on.post("/api/v1/study/drills", json={"seed": 1}).json()
    response = app_on.post(f"/api/v1/study/drills/{drill['id']}/answer", json={"code": "E1\x00"})
    assert response.status_code == 422
    assert error_of(response)["field"] == "code"
    assert app_on.get(f"/api/v1/study/drills/{drill['id']}").json()["answered"] is False


def test_a_null_byte_in_a_login_name_is_a_failed_login(app_on: TestClient) -> None:
    response = app_on.post("/api/v1/auth/login", json={"username": "a\x00b", "password": "p" * 12})
    assert response.status_code == 401


def test_script_typed_as_a_drill_answer_comes_back_escaped(app_on: TestClient) -> None:
    signup = {"username": "maria", "password": "p" * 12}
    assert app_on.post("/api/v1/auth/signup", json=signup).status_code == 201
    token = csrf_from(app_on, "/study/drills")
    started = app_on.post("/study/drills", data={"csrf_token": token})
    assert started.status_code == 200
    answered = app_on.post(str(started.url), data={"csrf_token": token, "code": SCRIPT.upper()})
    assert answered.status_code == 200
    # Codes are upper-cased before they are stored, so the escaped text is upper case too.
    assert SCRIPT.upper() not in answered.text.upper()
    assert "&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;" in answered.text
