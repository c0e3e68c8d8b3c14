"""``SourceRef``: the short citation every result carries in its ``sources`` list.

A reference names a bundled dataset by its SOURCES.toml key (so it can be looked up, hashed and
shown in a footer) and, optionally, says which part of it was used.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from medcoder.sources import get_source


class SourceRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    publisher: str
    title: str
    release: str
    url: str | None
    detail: str | None = None


def source_ref(key: str, detail: str | None = None) -> SourceRef:
    """Cite the bundled dataset ``key``; ``detail`` says which table, row or section."""
    source = get_source(key)
    url = source.url if source.url.startswith("http") else None
    return SourceRef(
        key=key,
        publisher=source.publisher,
        title=source.title,
        release=source.release,
        url=url,
        detail=detail,
    )
