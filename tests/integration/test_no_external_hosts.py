"""Nothing the app serves makes a browser contact another host: the app works offline.

The test crawls the site from ``/`` (so every helper's pages are covered, not only the salary
pages), fetches every stylesheet and script those pages reference, and fails on any reference to
another host in a place a browser would load or follow: ``src``/``href``/``action`` attributes,
CSS ``url()`` and ``@import``, and ``fetch``/``import``/``src=`` in scripts. URLs written as plain
text (a data source's address in a citation) are allowed.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from medcoder.settings import Settings

OWN_HOSTS = {"testserver", "127.0.0.1", "localhost"}
URL_ATTRIBUTES = {"src", "href", "action", "formaction", "poster", "data", "xlink:href", "srcset"}
FOLLOWED_TAGS = {"a", "link", "script", "img", "iframe", "source", "form", "embed", "object"}
MAX_PAGES = 400
# Pages that differ only in their last path segment (/states/TX, /states/CA, …) share a template:
# a few of each are enough, so the crawl stays fast however many codes or areas exist.
PER_PARENT = 3

CSS_PATTERNS = (
    re.compile(r"""url\(\s*["']?\s*((?:https?:)?//[^"')\s]+)""", re.I),
    re.compile(r"""@import\s+(?:url\()?\s*["']((?:https?:)?//[^"']+)""", re.I),
)
SCRIPT_PATTERNS = (
    re.compile(r"""\bfetch\s*\(\s*["'`]((?:https?:)?//[^"'`]+)"""),
    re.compile(r"""\bimport\s*\(\s*["'`]((?:https?:)?//[^"'`]+)"""),
    re.compile(r"""\bfrom\s*["'`]((?:https?:)?//[^"'`]+)"""),
    re.compile(r"""\b(?:src|href)\s*[=:]\s*["'`]((?:https?:)?//[^"'`]+)"""),
    re.compile(r"""\bXMLHttpRequest\b.*?\.open\([^)]*["'`]((?:https?:)?//[^"'`]+)"""),
    re.compile(
        r"""\bnew\s+(?:WebSocket|EventSource|Worker)\s*\(\s*["'`]((?:wss?:|https?:)?//[^"'`]+)"""
    ),
)


def is_external(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        url = "http:" + url
    parts = urlsplit(url)
    if parts.scheme in ("http", "https", "ws", "wss"):
        return (parts.hostname or "") not in OWN_HOSTS
    return False


class PageScan(HTMLParser):
    """Collects URL-bearing attributes, inline styles and inline scripts of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.inline_css: list[str] = []
        self.inline_js: list[str] = []
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES:
                for url in value.split(",") if name == "srcset" else [value]:
                    self.references.append((tag, name, url.strip().split(" ")[0]))
            if name == "style":
                self.inline_css.append(value)
            if name.startswith("on"):
                self.inline_js.append(value)
        if tag == "form" and attributes.get("method", "get").lower() != "get":
            # Only GET forms are crawled; a POST form's action is still checked as a reference.
            self.references = [
                (t, a, v)
                if not (t == "form" and v == attributes.get("action"))
                else ("form-post", a, v)
                for t, a, v in self.references
            ]
        if tag in ("style", "script"):
            self._inside = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inside:
            self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside == "style":
            self.inline_css.append(data)
        elif self._inside == "script":
            self.inline_js.append(data)


def external_references(html: str) -> list[str]:
    """Every external host an HTML page (with its inline CSS and JS) would load or link to."""
    scan = PageScan()
    scan.feed(html)
    found = [
        f"<{tag} {attr}={value}>" for tag, attr, value in scan.references if is_external(value)
    ]
    found += external_in_css("\n".join(scan.inline_css))
    found += external_in_script("\n".join(scan.inline_js))
    return found


def external_in_css(css: str) -> list[str]:
    return [m for pattern in CSS_PATTERNS for m in pattern.findall(css) if is_external(m)]


def external_in_script(js: str) -> list[str]:
    return [m for pattern in SCRIPT_PATTERNS for m in pattern.findall(js) if is_external(m)]


def internal_links(html: str, base: str) -> Iterator[tuple[str, str]]:
    """(tag, absolute path) of every same-site reference worth fetching."""
    scan = PageScan()
    scan.feed(html)
    for tag, _attribute, value in scan.references:
        if tag not in FOLLOWED_TAGS or not value or value.startswith(("#", "mailto:", "data:")):
            continue
        if is_external(value) or value.startswith(("javascript:", "tel:")):
            continue
        parts = urlsplit(urljoin(base, value))
        yield tag, parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client: TestClient) -> tuple[dict[str, list[str]], list[str]]:
    """Problems per URL, and every URL fetched."""
    problems: dict[str, list[str]] = {}
    seen: set[str] = set()
    per_parent: Counter[str] = Counter()
    queue: deque[str] = deque(["/"])
    fetched: list[str] = []
    while queue and len(fetched) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        fetched.append(path)
        kind = response.headers.get("content-type", "")
        body = response.text if response.status_code < 500 else ""
        if "text/html" in kind:
            found = external_references(body)
            for _tag, link in internal_links(body, path):
                bare = urlsplit(link).path
                # /states/TX and /states/CA share "/states/*"; /states?by=mean shares "/states?".
                parent = bare.rsplit("/", 1)[0] + "/*" if bare.count("/") > 1 else bare + "?"
                if link in seen or (
                    not bare.startswith("/static/") and per_parent[parent] >= PER_PARENT
                ):
                    continue
                per_parent[parent] += 1
                queue.append(link)
        elif "css" in kind:
            found = external_in_css(body)
        elif "javascript" in kind:
            found = external_in_script(body)
        else:
            found = []
        if found:
            problems[path] = found
    return problems, fetched


@pytest.fixture
def site(settings: Settings) -> Iterator[TestClient]:
    from medcoder.web.app import create_app

    # A page that errors is another test's business; this one only reads what is served.
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def test_no_served_page_stylesheet_or_script_references_an_external_host(
    site: TestClient,
) -> None:
    problems, fetched = crawl(site)
    assert problems == {}, f"external references found: {problems}"
    # The crawl really reached the pages and assets it is meant to guard.
    for expected in (
        "/states",
        "/estimate",
        "/sources",
        "/static/css/app.css",
        "/static/js/tables.js",
    ):
        assert expected in fetched
    assert any(path.startswith("/states/") for path in fetched)


def test_the_api_docs_page_and_its_vendored_scripts_reference_no_external_host(
    site: TestClient,
) -> None:
    page = site.get("/api/v1/docs").text
    assert external_references(page) == []
    for _tag, path in internal_links(page, "/api/v1/docs"):
        body = site.get(path).text
        found = external_in_css(body) if path.endswith(".css") else external_in_script(body)
        assert found == [], f"{path}: {found}"


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://' + 'cdn.example.com/lib.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.com/css">',
        '<img srcset="/a.png 1x, https://img.example.com/b.png 2x">',
        "<style>@import url('https://fonts.example.com/x.css');</style>",
        '<div style="background: url(https://img.example.com/bg.png)"></div>',
        "<script>fetch('https://api.example.com/data')</script>",
        '<a href="https://www.bls.gov/oes/">BLS</a>',
    ],
)
def test_the_checker_flags_each_kind_of_external_reference(html: str) -> None:
    assert external_references(html) != []


def test_the_checker_allows_own_paths_and_urls_in_plain_text() -> None:
    html = (
        '<a href="/states/TX">Texas</a><script src="/static/js/tables.js"></script>'
        "<p>Source: https://download.bls.gov/pub/time.series/oe/</p>"
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="http://testserver/x"></a></svg>'
    )
    assert external_references(html) == []
