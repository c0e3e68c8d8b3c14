"""The one JSON layout every ``--json`` answer uses (two-space indent, UTF-8 kept as text)."""

from __future__ import annotations

import json
from typing import Any


def to_json_text(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
