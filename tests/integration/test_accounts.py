"""Accounts on a multi-user server: sign-up, log-in, sessions, CSRF, rate limits, headers."""

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from medcoder.settings import Settings
from medcoder.store.tables import LoginSession, User
from medcoder.web.app import create_app


@pytest.fixture
def multi(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"multi_user": True}))
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


def csrf_from(client: TestClient, path: str) -> str:
    page = client.get(path)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def test_single_user_install_needs_no_account(client: TestClient) -> None:
    assert "single-user install" in client.get("/login").text
    response = client.post("/api/v1/auth/signup", json={"username": "maria", "password": "x" * 12})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "account"
    assert client.get("/api/v1/auth/me").json()["username"] == "local"


def test_sign_up_sets_an_http_only_session_cookie_and_me_answers(multi: TestClient) -> None:
    response = multi.post("/api/v1/auth/signup", json={"username": "Maria", "password": "p" * 12})
    assert response.status_code == 201
    cookie = response.headers["set-cookie"]
    assert "medcoder_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert multi.get("/api/v1/auth/me").json()["username"] == "maria"


def test_user_scoped_routes_need_a_session(multi: TestClient) -> None:
    assert multi.get("/api/v1/auth/me").status_code == 401


def test_log_in_rotates_the_session_token_and_log_out_ends_it(multi: TestClient) -> None:
    multi.post("/api/v1/auth/signup", json={"username": "ana", "password": "a" * 12})
    first = multi.cookies.get("medcoder_session")
    multi.post("/api/v1/auth/login", json={"username": "ana", "password": "a" * 12})
    second = multi.cookies.get("medcoder_session")
    assert first and second and first != second
    multi.cookies.set("medcoder_session", first)
    assert multi.get("/api/v1/auth/me").status_code == 401, "the old session must be revoked"
    multi.cookies.set("medcoder_session", second)
    assert multi.post("/api/v1/auth/logout", json={}).status_code == 204
    multi.cookies.set("medcoder_session", second)
    assert multi.get("/api/v1/auth/me").status_code == 401


def test_passwords_are_stored_as_argon2id_hashes_and_sessions_as_digests(
    multi: TestClient,
) -> None:
    multi.post("/api/v1/auth/signup", json={"username": "ana", "password": "secret-pass-1"})
    token = multi.cookies.get("medcoder_session")
    with multi.app.state.session_factory() as session:  # type: ignore[attr-defined]
        user = session.scalars(select(User).where(User.username == "ana")).one()
        assert user.password_hash.startswith("$argon2id$")
        assert "secret-pass-1" not in user.password_hash
        stored = session.scalars(select(LoginSession.token_hash)).all()
        assert token not in stored and len(stored) == 1


def test_wrong_password_is_refused_and_login_is_rate_limited(multi: TestClient) -> None:
    multi.post("/api/v1/auth/signup", json={"username": "ana", "password": "a" * 12})
    for _ in range(5):
        bad = multi.post("/api/v1/auth/login", json={"username": "ana", "password": "wrong-pass"})
        assert bad.status_code == 401
    blocked = multi.post("/api/v1/auth/login", json={"username": "ana", "password": "a" * 12})
    assert blocked.status_code == 429
    assert "Retry-After" in blocked.headers


def test_form_posts_without_the_csrf_token_are_refused(multi: TestClient) -> None:
    multi.get("/signup")
    response = multi.post("/signup", data={"username": "ana", "password": "a" * 12})
    assert response.status_code == 403
    assert response.json()["error"]["field"] == "csrf_token"
    with multi.app.state.session_factory() as session:  # type: ignore[attr-defined]
        assert session.scalar(select(User).where(User.username == "ana")) is None


def test_sign_up_form_with_the_token_creates_the_account(multi: TestClient) -> None:
    token = csrf_from(multi, "/signup")
    response = multi.post(
        "/signup",
        data={"username": "ana", "password": "a" * 12, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert multi.get("/api/v1/auth/me").json()["username"] == "ana"


def test_form_errors_are_shown_next_to_the_field_and_keep_the_username(multi: TestClient) -> None:
    token = csrf_from(multi, "/signup")
    response = multi.post(
        "/signup", data={"username": "ana<b>", "password": "a" * 12, "csrf_token": token}
    )
    assert response.status_code == 422
    assert 'id="username-error"' in response.text
    assert 'value="ana&lt;b&gt;"' in response.text


def test_cross_site_posts_are_refused(multi: TestClient) -> None:
    response = multi.post(
        "/api/v1/auth/login",
        json={"username": "ana", "password": "a" * 12},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    headers = client.get("/login").headers
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_login_redirect_target_stays_on_this_site(multi: TestClient) -> None:
    multi.post("/api/v1/auth/signup", json={"username": "ana", "password": "a" * 12})
    token = csrf_from(multi, "/login")
    response = multi.post(
        "/login",
        data={
            "username": "ana",
            "password": "a" * 12,
            "next": "//evil.example/",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/study"


def test_oversized_bodies_are_refused_with_413(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"max_upload_bytes": 1000}))
    with TestClient(app) as small:
        response = small.post(
            "/api/v1/auth/login", content=b"x" * 5000, headers={"content-type": "application/json"}
        )
        assert response.status_code == 413
