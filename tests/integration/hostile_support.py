"""Shared by the hostile-input tests: the script probe, CSRF tokens, error bodies, the CLI."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
MARKET_ROW = "Medical Records Specialists,TX,50000"


def csrf_from(client: TestClient, path: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def error_of(response: Any) -> dict[str, Any]:
    body: dict[str, Any] = response.json()["error"]
    return body
