"""Bundled data files and their provenance (``data/SOURCES.toml``).

Files are read through ``importlib.resources`` so the package works from a wheel as well as a
checkout. ``verify_sources`` re-hashes every file; the app runs it at start-up so a corrupt or
swapped file is refused rather than served.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from medcoder.errors import DataIntegrityError, InvalidInput


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    path: str
    publisher: str
    title: str
    release: str
    url: str
    retrieved: str
    sha256: str
    licence: str

    def to_dict(self) -> dict[str, str]:
        return {
            "key": self.key,
            "path": self.path,
            "publisher": self.publisher,
            "title": self.title,
            "release": self.release,
            "url": self.url,
            "retrieved": self.retrieved,
            "sha256": self.sha256,
            "licence": self.licence,
        }


def data_root() -> Traversable:
    return resources.files("medcoder") / "data"


@lru_cache(maxsize=1)
def load_sources() -> dict[str, Source]:
    raw = tomllib.loads((data_root() / "SOURCES.toml").read_text(encoding="utf-8"))
    return {key: Source(key=key, **fields) for key, fields in raw.items()}


def get_source(key: str) -> Source:
    sources = load_sources()
    if key not in sources:
        raise InvalidInput("source", f"unknown source {key!r}", allowed=sorted(sources))
    return sources[key]


def data_file(key: str) -> Traversable:
    """The bundled file registered under ``key`` in SOURCES.toml."""
    return data_root() / get_source(key).path


def sha256_of(file: Traversable) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_sources(keys: list[str] | None = None) -> None:
    """Raise DataIntegrityError naming every file whose bytes differ from SOURCES.toml."""
    problems = []
    for key, source in load_sources().items():
        if keys is not None and key not in keys:
            continue
        file = data_root() / source.path
        if not file.is_file():
            problems.append(f"{source.path}: missing")
            continue
        actual = sha256_of(file)
        if actual != source.sha256:
            problems.append(
                f"{source.path}: sha256 {actual[:12]}… does not match the recorded "
                f"{source.sha256[:12]}… (corrupt, edited or a different release)"
            )
    if problems:
        raise DataIntegrityError(
            "bundled data failed its integrity check; reinstall medcoder. " + "; ".join(problems)
        )
