"""Where medcoder keeps user data and rebuildable caches.

Kept free of heavy imports: the code look-up fast path needs the cache folder without loading
pydantic-settings. ``Settings`` uses the same defaults and the same environment variables.
"""

from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> Path:
    """Where user data lives: ``$XDG_DATA_HOME/medcoder`` or ``~/.local/share/medcoder``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "medcoder"


def default_cache_dir() -> Path:
    """Where rebuildable caches live: ``$XDG_CACHE_HOME/medcoder`` or ``~/.cache/medcoder``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "medcoder"


def configured_cache_dir() -> Path:
    """``MEDCODER_CACHE_DIR`` if set, else the default: what ``Settings().cache_dir`` says."""
    configured = os.environ.get("MEDCODER_CACHE_DIR", "").strip()
    return Path(configured) if configured else default_cache_dir()
