"""A real ``medcoder serve`` subprocess and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import LiveServer

__all__ = ["LiveServer", "screenshot"]

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    data_dir = tempfile.mkdtemp(prefix="medcoder-live-")
    env = {**os.environ, "MEDCODER_DATA_DIR": data_dir}
    env.pop("MEDCODER_DATABASE_URL", None)
    server = LiveServer(env)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed; .ci/run installs it")
        pytest.skip("Debian's /usr/bin/chromium is not installed on this machine")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, live_server: LiveServer) -> Iterator[object]:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(base_url=live_server.base_url)
    tab = context.new_page()
    yield tab
    context.close()


def screenshot(tab: object, name: str) -> Path:
    """Save what the person sees, for review after the run."""
    from playwright.sync_api import Page

    assert isinstance(tab, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
