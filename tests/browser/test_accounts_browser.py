"""A person on a shared (multi-user) server: signs up, logs out, logs in, studies, logs out.

It runs its own ``medcoder serve`` with ``MEDCODER_MULTI_USER=true`` and a data directory of its
own, so the single-user server the other browser tests share is untouched. Every page is also
watched for Content-Security-Policy violations (the policy allows no inline styles or scripts).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import LiveServer, screenshot

pytestmark = pytest.mark.browser

PASSWORD = "a long pass phrase"


@pytest.fixture(scope="module")
def multi_user_server() -> Iterator[LiveServer]:
    data_dir = tempfile.mkdtemp(prefix="medcoder-multi-")
    env = {**os.environ, "MEDCODER_DATA_DIR": data_dir, "MEDCODER_MULTI_USER": "true"}
    env.pop("MEDCODER_DATABASE_URL", None)
    server = LiveServer(env)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
def visitor(browser: Browser, multi_user_server: LiveServer) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(base_url=multi_user_server.base_url)
    tab = context.new_page()
    violations: list[str] = []
    tab.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield tab, violations
    context.close()


def test_a_person_signs_up_logs_out_logs_in_and_sees_their_dashboard(
    visitor: tuple[Page, list[str]],
) -> None:
    page, violations = visitor
    page.goto("/study")
    expect(page.get_by_role("heading", name="Please log in")).to_be_visible()
    expect(page.locator("header.site .account")).to_contain_text("Log in · Sign up")

    page.locator("header.site .account").get_by_role("link", name="Sign up").click()
    page.get_by_label("Username").fill("rosa.coder")
    page.get_by_label("Password").fill(PASSWORD)
    screenshot(page, "accounts-sign-up")
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/study$"))
    expect(page.get_by_role("heading", name="CPC exam prep")).to_be_visible()
    log_out = page.locator("header.site .account").get_by_role("button", name="Log out")
    expect(log_out).to_be_visible()

    log_out.click()
    expect(page.locator("header.site .account")).to_contain_text("Log in · Sign up")
    page.goto("/study")
    expect(page.get_by_role("heading", name="Please log in")).to_be_visible()

    page.locator("main").get_by_role("link", name="Log in").click()
    page.get_by_label("Username").fill("rosa.coder")
    page.get_by_label("Password").fill("not the pass phrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#password-error")).to_have_text("wrong username or password")
    expect(page.get_by_label("Username")).to_have_value("rosa.coder")
    screenshot(page, "accounts-wrong-password")

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="CPC exam prep")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/study$"))
    expect(page.get_by_role("button", name="Start practice exam")).to_be_visible()
    screenshot(page, "accounts-dashboard-after-log-in")

    page.locator("header.site .account").get_by_role("button", name="Log out").click()
    expect(page.locator("header.site .account")).to_contain_text("Log in · Sign up")
    page.goto("/study/cards")
    expect(page.get_by_role("heading", name="Please log in")).to_be_visible()
    screenshot(page, "accounts-logged-out")
    assert violations == []


def test_a_form_left_open_after_its_cookie_expired_asks_to_reload_then_works(
    visitor: tuple[Page, list[str]],
) -> None:
    page, violations = visitor
    page.goto("/signup")
    page.get_by_label("Username").fill("lee.coder")
    page.get_by_label("Password").fill(PASSWORD)
    page.context.clear_cookies()  # as after the browser dropped its session cookies
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Please reload the page and try again")).to_be_visible()
    screenshot(page, "accounts-stale-form")
    page.go_back()
    page.reload()
    page.get_by_label("Username").fill("lee.coder")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="CPC exam prep")).to_be_visible()
    assert violations == []
