"""The OWASP ASVS basics of accounts, checked on a multi-user server: password hashing parameters,
session fixation, cookie flags, CSRF on every state-changing form, rate limits, security headers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import select

from medcoder.accounts import rate_limit
from medcoder.accounts.rate_limit import RateLimiter
from medcoder.settings import Settings
from medcoder.store.tables import LoginSession, User
from medcoder.web.app import create_app
from tests.support.routes import app_routes, fill_path

WEB = Path(str(resources.files("medcoder.web")))
PASSWORD = "long-enough-pass"


@pytest.fixture
def multi(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"multi_user": True}))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def secure(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"multi_user": True, "secure_cookies": True}))
    with TestClient(app, base_url="https://testserver") as test_client:
        yield test_client


def sign_up(client: TestClient, username: str = "ana") -> None:
    response = client.post("/api/v1/auth/signup", json={"username": username, "password": PASSWORD})
    assert response.status_code == 201, response.text


def csrf_token(client: TestClient, path: str = "/login") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def set_cookie_lines(response: object, name: str) -> list[str]:
    headers = response.headers.get_list("set-cookie")  # type: ignore[attr-defined]
    return [line for line in headers if line.startswith(f"{name}=")]


def test_stored_password_hashes_are_argon2id_with_19_mib_2_iterations_1_lane(
    multi: TestClient,
) -> None:
    sign_up(multi)
    with multi.app.state.session_factory() as session:  # type: ignore[attr-defined]
        stored = session.scalars(select(User.password_hash).where(User.username == "ana")).one()
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_a_weaker_legacy_hash_is_upgraded_at_the_next_log_in(multi: TestClient) -> None:
    sign_up(multi)
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)
    factory = multi.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        session.scalars(select(User).where(User.username == "ana")).one().password_hash = weak
        session.commit()
    login = multi.post("/api/v1/auth/login", json={"username": "ana", "password": PASSWORD})
    assert login.status_code == 200
    with factory() as session:
        upgraded = session.scalars(select(User.password_hash).where(User.username == "ana")).one()
    assert upgraded.startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def use_session(client: TestClient, token: str) -> None:
    client.cookies.delete("medcoder_session")
    client.cookies.set("medcoder_session", token, domain="testserver.local")


def issued_session(response: object) -> str:
    (line,) = set_cookie_lines(response, "medcoder_session")
    return line.split(";")[0].split("=", 1)[1]


def test_a_session_id_planted_before_log_in_is_replaced_and_never_authenticates(
    multi: TestClient,
) -> None:
    sign_up(multi)
    multi.post("/api/v1/auth/logout", json={})
    planted = "attacker-chosen-session-value"
    use_session(multi, planted)
    token = csrf_token(multi)
    login = multi.post(
        "/login",
        data={"username": "ana", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert login.status_code == 303
    issued = issued_session(login)
    assert issued != planted and len(issued) >= 43  # 32 random bytes in base64url
    use_session(multi, planted)
    assert multi.get("/api/v1/auth/me").status_code == 401
    use_session(multi, issued)
    assert multi.get("/api/v1/auth/me").json()["username"] == "ana"


def test_another_users_live_session_planted_before_log_in_is_ended_by_the_log_in(
    multi: TestClient,
) -> None:
    mallory = multi.post("/api/v1/auth/signup", json={"username": "mallory", "password": PASSWORD})
    mallorys = issued_session(mallory)
    sign_up(multi, "ana")
    use_session(multi, mallorys)
    login = multi.post("/api/v1/auth/login", json={"username": "ana", "password": PASSWORD})
    issued = issued_session(login)
    assert issued != mallorys
    use_session(multi, issued)
    assert multi.get("/api/v1/auth/me").json()["username"] == "ana"
    use_session(multi, mallorys)
    assert multi.get("/api/v1/auth/me").status_code == 401


def test_cookies_are_http_only_same_site_lax_and_not_secure_over_plain_http(
    multi: TestClient,
) -> None:
    first = multi.get("/login")
    (csrf,) = set_cookie_lines(first, "medcoder_csrf")
    signup = multi.post("/api/v1/auth/signup", json={"username": "ana", "password": PASSWORD})
    (session,) = set_cookie_lines(signup, "medcoder_session")
    for line in (csrf, session):
        attributes = {part.strip().lower() for part in line.split(";")}
        assert {"httponly", "samesite=lax", "path=/"} <= attributes
        assert "secure" not in attributes
    assert "max-age=1209600" in session.lower()  # 14 days, then log in again


def test_with_secure_cookies_every_cookie_is_secure_and_hsts_is_sent(secure: TestClient) -> None:
    first = secure.get("/login")
    assert first.headers["strict-transport-security"] == "max-age=31536000"
    signup = secure.post("/api/v1/auth/signup", json={"username": "ana", "password": PASSWORD})
    logout = secure.post("/api/v1/auth/logout", json={})
    lines = [
        *set_cookie_lines(first, "medcoder_csrf"),
        *set_cookie_lines(signup, "medcoder_session"),
        *set_cookie_lines(logout, "medcoder_session"),
    ]
    assert len(lines) == 3
    for line in lines:
        attributes = {part.strip().lower() for part in line.split(";")}
        assert {"secure", "httponly", "samesite=lax"} <= attributes, line


def test_plain_http_servers_send_no_hsts(multi: TestClient) -> None:
    assert "strict-transport-security" not in multi.get("/").headers


def test_every_state_changing_page_route_refuses_a_form_post_without_the_token(
    multi: TestClient,
) -> None:
    sign_up(multi)
    valid = csrf_token(multi, "/study")
    page_routes = [r for r in app_routes(multi.app) if r.changes_state and not r.is_api]  # type: ignore[arg-type]
    assert {"POST /login", "POST /signup", "POST /logout", "POST /study/exams"} <= {
        r.key for r in page_routes
    }
    forged = "nonce.0000000000000000000000000000000000000000000000000000000000000000"
    for route in page_routes:
        path = fill_path(route.path, dict.fromkeys(route.params, 1))
        for fields in ({}, {"csrf_token": forged}, {"csrf_token": valid + "0"}):
            response = multi.request(route.method, path, data={"number": "1", **fields})
            assert response.status_code == 403, f"{route.key} with {fields or 'no token'}"
            assert response.json()["error"]["field"] == "csrf_token"
        multipart = multi.request(
            route.method, path, data={"number": "1"}, files={"file": ("a.csv", b"x\n")}
        )
        assert multipart.status_code == 403, f"{route.key} as multipart without a token"
    assert multi.get("/api/v1/auth/me").status_code == 200, "still logged in: nothing ran"


def test_a_form_post_from_a_browser_that_never_got_the_cookie_is_refused(
    multi: TestClient,
) -> None:
    token = csrf_token(multi)
    multi.cookies.clear()
    response = multi.post("/login", data={"username": "ana", "password": "x", "csrf_token": token})
    assert response.status_code == 403


TEMPLATE_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)


def test_every_post_form_in_every_template_carries_the_csrf_field() -> None:
    post_forms = 0
    for template in sorted((WEB / "templates").rglob("*.html")):
        for attributes, body in TEMPLATE_FORM.findall(template.read_text()):
            if re.search(r"""method\s*=\s*["']?post""", attributes, re.I):
                post_forms += 1
                assert "csrf_input(request)" in body, f"{template.name}: <form{attributes}>"
    assert post_forms >= 15


def test_no_page_markup_needs_unsafe_inline_styles_or_scripts() -> None:
    sources = [
        *(WEB / "templates").rglob("*.html"),
        *(WEB / "static" / "js").rglob("*.js"),
        *WEB.rglob("*.py"),
    ]
    offenders = []
    for path in sources:
        text = path.read_text()
        if re.search(r"""\sstyle\s*=\s*["']|<style[\s>]|<script>|\son[a-z]+\s*=\s*["']""", text):
            offenders.append(str(path.relative_to(WEB)))
    assert offenders == []


def test_csp_allows_only_same_origin_and_no_inline_code(client: TestClient) -> None:
    for path in ("/", "/api/v1/health", "/static/css/app.css", "/no-such-page"):
        headers = client.get(path).headers
        policy = dict(
            part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";")
        )
        assert policy["script-src"] == "'self'"
        assert policy["style-src"] == "'self'"
        assert policy["frame-ancestors"] == "'self'"
        assert policy["object-src"] == "'none'"
        assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "SAMEORIGIN"
        assert headers["referrer-policy"] == "same-origin"


def test_refusals_from_the_middleware_carry_the_security_headers_too(multi: TestClient) -> None:
    refused = multi.post("/signup", data={"username": "ana"})
    assert refused.status_code == 403
    assert "frame-ancestors 'self'" in refused.headers["content-security-policy"]


def test_log_in_failures_are_limited_to_5_per_username_and_30_per_address_in_15_minutes(
    multi: TestClient,
) -> None:
    state = multi.app.state  # type: ignore[attr-defined]
    assert (state.login_failures_by_user.limit, state.login_failures_by_user.window) == (5, 900)
    assert (state.login_failures_by_ip.limit, state.login_failures_by_ip.window) == (30, 900)
    sign_up(multi)
    for attempt in range(30):
        name = "ana" if attempt < 5 else f"guess{attempt}"
        failed = multi.post("/api/v1/auth/login", json={"username": name, "password": "wrong"})
        assert failed.status_code == (429 if name == "ana" and attempt >= 5 else 401)
    by_address = multi.post("/api/v1/auth/login", json={"username": "zoe", "password": "wrong"})
    assert by_address.status_code == 429
    assert "from this address" in by_address.text
    assert 0 < int(by_address.headers["retry-after"]) <= 900


def test_the_log_in_page_shows_the_limit_next_to_the_password(multi: TestClient) -> None:
    sign_up(multi)
    multi.post("/api/v1/auth/logout", json={})
    for _ in range(5):
        multi.post("/api/v1/auth/login", json={"username": "ana", "password": "wrong"})
    token = csrf_token(multi)
    page = multi.post("/login", data={"username": "ana", "password": PASSWORD, "csrf_token": token})
    assert page.status_code == 429
    assert "too many failed log-ins for this account" in page.text
    assert multi.get("/api/v1/auth/me").status_code == 401


def test_sign_ups_are_limited_to_5_per_address_per_hour_including_taken_names(
    multi: TestClient,
) -> None:
    state = multi.app.state  # type: ignore[attr-defined]
    assert (state.signups_by_ip.limit, state.signups_by_ip.window) == (5, 3600)
    for number in range(4):
        sign_up(multi, f"user{number}")
    taken = multi.post("/api/v1/auth/signup", json={"username": "user0", "password": PASSWORD})
    assert taken.status_code == 422, "probing a taken name counts as the fifth sign-up"
    blocked = multi.post("/api/v1/auth/signup", json={"username": "user9", "password": PASSWORD})
    assert blocked.status_code == 429
    assert 3500 < int(blocked.headers["retry-after"]) <= 3600
    with multi.app.state.session_factory() as session:  # type: ignore[attr-defined]
        assert session.scalar(select(User).where(User.username == "user9")) is None


def test_malformed_sign_ups_do_not_use_up_the_limit(multi: TestClient) -> None:
    for _ in range(6):
        short = multi.post("/api/v1/auth/signup", json={"username": "ana", "password": "short"})
        assert short.status_code == 422
    sign_up(multi)


def test_the_limiter_forgets_usernames_whose_window_has_passed() -> None:
    now = [0.0]
    limiter = RateLimiter(5, 900, clock=lambda: now[0])
    for number in range(1000):
        assert limiter.blocked_for(f"made-up-{number}") == 0
    assert limiter.tracked_keys() == 0, "checking a name must not store it"
    for number in range(100):
        limiter.record(f"made-up-{number}")
    now[0] += 901
    for number in range(100):
        limiter.blocked_for(f"made-up-{number}")
    assert limiter.tracked_keys() == 0


def test_the_limiter_sweeps_expired_keys_once_it_holds_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rate_limit, "SWEEP_AT", 50)
    now = [0.0]
    limiter = RateLimiter(5, 900, clock=lambda: now[0])
    for number in range(50):
        limiter.record(f"made-up-{number}")
    now[0] += 901
    limiter.record("fresh")
    assert limiter.tracked_keys() == 1


def test_a_new_log_in_drops_the_users_expired_sessions(multi: TestClient) -> None:
    sign_up(multi)
    factory = multi.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        row = session.scalars(select(LoginSession)).one()
        row.expires_at = row.created_at.replace(year=row.created_at.year - 1)
        session.commit()
    assert multi.get("/api/v1/auth/me").status_code == 401, "an expired session is refused"
    multi.post("/api/v1/auth/login", json={"username": "ana", "password": PASSWORD})
    with factory() as session:
        assert len(session.scalars(select(LoginSession)).all()) == 1


def test_a_browser_posting_a_stale_form_sees_a_page_and_gets_a_fresh_token(
    multi: TestClient,
) -> None:
    browser_accept = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    refused = multi.post("/login", data={"username": "ana"}, headers=browser_accept)
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("text/html")
    assert "<h1>Please reload the page and try again</h1>" in refused.text
    assert set_cookie_lines(refused, "medcoder_csrf"), "a new CSRF cookie for the reload"
    api = multi.post("/api/v1/auth/login", content=b"username=ana", headers=browser_accept)
    assert api.status_code == 403
    assert api.headers["content-type"] == "application/json"


def test_signed_in_pages_are_not_cached_but_static_files_may_be(multi: TestClient) -> None:
    assert "cache-control" not in multi.get("/study").headers, "anonymous: nothing private"
    sign_up(multi)
    for path in ("/study", "/api/v1/study/progress", "/api/v1/auth/me"):
        assert multi.get(path).headers["cache-control"] == "no-store", path
    assert "no-store" not in multi.get("/static/css/app.css").headers.get("cache-control", "")
