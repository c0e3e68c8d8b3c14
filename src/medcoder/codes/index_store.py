"""The compact ICD-10-CM index: an SQLite file under ``cache_dir`` built once from the tabular XML.

Parsing the 10 MB XML takes over a second, so it happens once; afterwards a look-up opens the
SQLite file and reads one row. The file name carries the XML's sha256 and ``FORMAT_VERSION``, so a
different source file or a change to the layout below builds a fresh index instead of reusing a
stale one. ``medcoder codes refresh`` builds an index from newer CMS files and records it in
``served-icd10cm.json`` as the code set to serve.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from medcoder.codes.alphabetic_index import parse_alphabetic_index
from medcoder.codes.tabular import NOTE_FIELDS, Tabular, TabularCode, parse_tabular

FORMAT_VERSION = 2
SERVED_POINTER = "served-icd10cm.json"

# Provenance of the bundled release: simple-icd-10-cm 1.5.0 ships CMS's April 1, 2026 tabular XML
# byte for byte. A unit test re-hashes the installed file against these.
BUNDLED_PACKAGE = "simple-icd-10-cm"
BUNDLED_PACKAGE_VERSION = "1.5.0"
BUNDLED_FILE = "icd10c-tabular-April-1-2026.xml"
BUNDLED_SHA256 = "f161f8182aff3ce3a2a78e202f8259c08eaee2c670a9e45b0072445c52302935"
BUNDLED_LABEL = "ICD-10-CM FY2026, April 1, 2026 update"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE chapters (number INTEGER PRIMARY KEY, payload TEXT NOT NULL);
CREATE TABLE blocks (code_range TEXT PRIMARY KEY, chapter INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE codes (
    code TEXT PRIMARY KEY, parent TEXT, description TEXT NOT NULL, billable INTEGER NOT NULL,
    chapter INTEGER NOT NULL, block TEXT NOT NULL, extension TEXT NOT NULL, payload TEXT NOT NULL
);
CREATE TABLE index_terms (code TEXT NOT NULL, term TEXT NOT NULL);
"""


def bundled_tabular_path() -> Path:
    """The tabular XML inside the installed simple-icd-10-cm (located without importing it)."""
    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the simple-icd-10-cm package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / BUNDLED_FILE


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class IndexSource:
    """The files an index is built from, and the label every answer carries."""

    tabular: Path
    tabular_sha256: str
    label: str
    alphabetic_index: Path | None = None
    index_sha256: str = ""

    @property
    def key(self) -> str:
        extra = f"-{self.index_sha256[:8]}" if self.index_sha256 else ""
        return f"icd10cm-{self.tabular_sha256[:16]}{extra}-v{FORMAT_VERSION}"


def bundled_source() -> IndexSource:
    path = bundled_tabular_path()
    sha = file_sha256(path)
    label = BUNDLED_LABEL if sha == BUNDLED_SHA256 else f"ICD-10-CM ({path.name})"
    return IndexSource(tabular=path, tabular_sha256=sha, label=label)


def served_source(cache_dir: Path) -> IndexSource:
    """The code set loaded by ``codes refresh`` if there is one, else the bundled release."""
    pointer = cache_dir / SERVED_POINTER
    if pointer.is_file():
        record = json.loads(pointer.read_text(encoding="utf-8"))
        tabular = Path(record["tabular"])
        if tabular.is_file():
            index = Path(record["alphabetic_index"]) if record.get("alphabetic_index") else None
            return IndexSource(
                tabular=tabular,
                tabular_sha256=record["tabular_sha256"],
                label=record["label"],
                alphabetic_index=index,
                index_sha256=record.get("index_sha256", ""),
            )
    return bundled_source()


def _code_payload(record: TabularCode) -> str:
    payload: dict[str, object] = {
        "children": record.children,
        "depth": record.depth,
        "seventh_character_source": record.seventh_character_source,
    }
    notes = {name: record.notes[name] for name in NOTE_FIELDS if record.notes.get(name)}
    if notes:
        payload["notes"] = notes
    if record.seventh_character_source == record.code and record.seventh_characters:
        payload["seventh_characters"] = record.seventh_characters
        payload["seventh_character_note"] = record.seventh_character_note
    return json.dumps(payload, separators=(",", ":"))


def _write(connection: sqlite3.Connection, tabular: Tabular, source: IndexSource) -> None:
    connection.executescript(_SCHEMA)
    meta = {
        "label": source.label,
        "version": tabular.version,
        "tabular_sha256": source.tabular_sha256,
        "index_sha256": source.index_sha256,
        "format_version": str(FORMAT_VERSION),
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.executemany(
        "INSERT INTO chapters VALUES (?, ?)",
        ((int(group.key), json.dumps(group.__dict__)) for group in tabular.chapters),
    )
    connection.executemany(
        "INSERT INTO blocks VALUES (?, ?, ?)",
        ((group.key, group.chapter, json.dumps(group.__dict__)) for group in tabular.blocks),
    )
    connection.executemany(
        "INSERT INTO codes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                record.code,
                record.parent,
                record.description,
                int(record.billable),
                record.chapter,
                record.block,
                record.extension,
                _code_payload(record),
            )
            for record in tabular.codes
        ),
    )
    if source.alphabetic_index is not None:
        known = {record.code for record in tabular.codes}
        terms = parse_alphabetic_index(source.alphabetic_index)
        connection.executemany(
            "INSERT INTO index_terms VALUES (?, ?)",
            ((term.code, term.term) for term in terms if term.code in known),
        )
    connection.execute("CREATE INDEX codes_parent ON codes (parent)")
    connection.execute("CREATE INDEX index_terms_code ON index_terms (code)")


def build_index(source: IndexSource, cache_dir: Path) -> Path:
    """Build the SQLite index for ``source`` (atomically: readers never see half a file)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"{source.key}.sqlite"
    tabular = parse_tabular(source.tabular)
    handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".building")
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as connection:
            _write(connection, tabular, source)
        connection.close()
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    _remove_older_formats(source, cache_dir)
    return target


def _remove_older_formats(source: IndexSource, cache_dir: Path) -> None:
    """Delete indexes of the same source built by an older format (each is ~20 MB)."""
    current = f"{source.key}.sqlite"
    stem = source.key.rsplit("-v", 1)[0]
    for stale in cache_dir.glob(f"{stem}-v*.sqlite"):
        if stale.name != current:
            stale.unlink(missing_ok=True)


def ensure_index(source: IndexSource, cache_dir: Path) -> Path:
    """The index file for ``source``, building it first if it is missing."""
    target = cache_dir / f"{source.key}.sqlite"
    if target.is_file():
        return target
    return build_index(source, cache_dir)


def open_index(path: Path) -> sqlite3.Connection:
    # Read-only and shareable across the web server's threads; the file never changes once built.
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    return connection
