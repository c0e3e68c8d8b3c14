"""Parsing the YAML files medcoder writes itself (claims, question bank, decks, glossary, lexicon).

libyaml's C loader is ~10x faster than the pure-Python one on these files, which matters for the
first exam or search after start-up; fall back to the pure-Python loader where libyaml is missing.
"""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Parse trusted-but-safe YAML: plain data only, no Python objects."""
    return yaml.load(text, Loader=SAFE_LOADER)
