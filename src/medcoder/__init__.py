"""medcoder: salary and career intelligence plus CPC exam prep for medical coders.

The public library API is the sorted ``__all__`` below; a test checks it is sorted and that every
name resolves.
"""

from __future__ import annotations

from medcoder.errors import DataIntegrityError, InvalidInput, NotFound
from medcoder.settings import Settings, get_settings
from medcoder.sources import Source, load_sources, verify_sources

__version__ = "0.1.0"

__all__ = [
    "DataIntegrityError",
    "InvalidInput",
    "NotFound",
    "Settings",
    "Source",
    "__version__",
    "get_settings",
    "load_sources",
    "verify_sources",
]
