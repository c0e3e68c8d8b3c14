"""ICD-10-CM look-ups over the cached index: a code and its notes, chapters, blocks, 7th characters.

The index is built once from the CMS tabular XML (see ``index_store``); this module only reads it.
``Icd10Index`` is a value object over one index file, so tests can open their own; the module-level
functions use the code set the app serves (bundled FY2026, or whatever ``codes refresh`` loaded).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from medcoder.codes.index_store import ensure_index, open_index, served_source
from medcoder.codes.normalize import normalize_code
from medcoder.codes.tabular import NOTE_FIELDS, pad_with_placeholder
from medcoder.errors import InvalidInput


class CodeRef(BaseModel):
    code: str
    description: str
    billable: bool


class Chapter(BaseModel):
    number: int
    title: str
    code_range: str


class Block(BaseModel):
    code_range: str
    title: str


class InheritedNote(BaseModel):
    """A note written on an ancestor (category, block or chapter) that also governs this code."""

    source: str = Field(description="The code, block range or 'Chapter N' the note is written on.")
    kind: str
    text: str


class IcdCode(BaseModel):
    code: str
    description: str
    billable: bool
    chapter: Chapter
    block: Block
    path: list[CodeRef] = Field(description="Ancestors from the category down to the parent.")
    children: list[CodeRef]
    inclusion_terms: list[str] = []
    includes: list[str] = []
    excludes1: list[str] = []
    excludes2: list[str] = []
    code_first: list[str] = []
    use_additional_code: list[str] = []
    code_also: list[str] = []
    notes: list[str] = []
    seventh_characters: dict[str, str] = {}
    seventh_character_note: str = ""
    seventh_character_source: str | None = None
    inherited_notes: list[InheritedNote] = []
    index_terms: list[str] = []
    code_set: str


class BlockSummary(Block):
    chapter: int
    categories: list[CodeRef] = []
    notes: dict[str, list[str]] = {}
    code_set: str = ""


class ChapterDetail(Chapter):
    blocks: list[BlockSummary]
    notes: dict[str, list[str]] = {}
    code_set: str = ""


class Icd10Index:
    """Read-only access to one built index file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = open_index(path)
        meta = dict(self._connection.execute("SELECT key, value FROM meta").fetchall())
        self.code_set: str = meta["label"]
        self.version: str = meta["version"]
        self.tabular_sha256: str = meta["tabular_sha256"]

    @classmethod
    def open(cls, cache_dir: Path) -> Icd10Index:
        """The served code set's index under ``cache_dir``, built first if needed."""
        return cls(ensure_index(served_source(cache_dir), cache_dir))

    def close(self) -> None:
        self._connection.close()

    def _row(self, code: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self._connection.execute(
            "SELECT * FROM codes WHERE code = ?", (code,)
        ).fetchone()
        return row

    def exists(self, code: str) -> bool:
        return self._row(code) is not None

    def _ref(self, code: str) -> CodeRef:
        row = self._row(code)
        if row is None:
            raise InvalidInput("code", f"{code} is not an ICD-10-CM code")
        return CodeRef(code=row["code"], description=row["description"], billable=row["billable"])

    def nearest(self, code: str, *, limit: int = 5) -> list[str]:
        """Real codes that share the longest prefix with ``code`` (billable ones first)."""
        dotted = normalize_code(code)
        for length in range(len(dotted), 0, -1):
            prefix = dotted[:length]
            rows = self._connection.execute(
                "SELECT code FROM codes WHERE code >= ? AND code < ? "
                "ORDER BY billable DESC, length(code), code LIMIT ?",
                (prefix, prefix + "\uffff", limit),
            ).fetchall()
            if rows:
                return [row["code"] for row in rows]
        return []

    def chapter(self, number: int) -> ChapterDetail:
        # SQLite integers are 64-bit; anything outside that cannot be a chapter anyway.
        in_range = -(2**63) <= number < 2**63
        row = (
            self._connection.execute(
                "SELECT payload FROM chapters WHERE number = ?", (number,)
            ).fetchone()
            if in_range
            else None
        )
        if row is None:
            raise InvalidInput(
                "chapter", f"no chapter {number}", allowed=[str(n) for n in self._numbers()]
            )
        group = json.loads(row["payload"])
        blocks = [self.block(code_range, with_categories=False) for code_range in group["blocks"]]
        return ChapterDetail(
            number=number,
            title=group["title"],
            code_range=group["code_range"],
            blocks=blocks,
            notes=group["notes"],
            code_set=self.code_set,
        )

    def _numbers(self) -> list[int]:
        return [row[0] for row in self._connection.execute("SELECT number FROM chapters")]

    def chapters(self) -> list[Chapter]:
        rows = self._connection.execute("SELECT number, payload FROM chapters ORDER BY number")
        chapters = []
        for number, payload in rows:
            group = json.loads(payload)
            chapters.append(
                Chapter(number=number, title=group["title"], code_range=group["code_range"])
            )
        return chapters

    def block(self, code_range: str, *, with_categories: bool = True) -> BlockSummary:
        row = self._connection.execute(
            "SELECT chapter, payload FROM blocks WHERE code_range = ?", (code_range.upper(),)
        ).fetchone()
        if row is None:
            raise InvalidInput("block", f"no block {code_range!r} in {self.code_set}")
        group = json.loads(row["payload"])
        categories = [self._ref(code) for code in group["blocks"]] if with_categories else []
        return BlockSummary(
            code_range=group["code_range"],
            title=group["title"],
            chapter=row["chapter"],
            categories=categories,
            notes=group["notes"] if with_categories else {},
            code_set=self.code_set,
        )

    def _payload(self, code: str) -> dict[str, Any]:
        row = self._row(code)
        return json.loads(row["payload"]) if row is not None else {}

    def _inherited(self, path: list[CodeRef], block: str, chapter: int) -> list[InheritedNote]:
        inherited: list[InheritedNote] = []
        sources: list[tuple[str, dict[str, list[str]]]] = []
        chapter_row = self._connection.execute(
            "SELECT payload FROM chapters WHERE number = ?", (chapter,)
        ).fetchone()
        sources.append((f"Chapter {chapter}", json.loads(chapter_row["payload"])["notes"]))
        block_row = self._connection.execute(
            "SELECT payload FROM blocks WHERE code_range = ?", (block,)
        ).fetchone()
        sources.append((block, json.loads(block_row["payload"])["notes"]))
        sources.extend((ref.code, self._payload(ref.code).get("notes", {})) for ref in path)
        for source, notes in sources:
            for kind in NOTE_FIELDS:
                if kind == "inclusion_terms":
                    continue
                inherited.extend(
                    InheritedNote(source=source, kind=kind, text=text)
                    for text in notes.get(kind, [])
                )
        return inherited

    def get(self, text: str) -> IcdCode:
        code = normalize_code(text)
        row = self._row(code)
        if row is None:
            raise InvalidInput(
                "code",
                f"{code or text!r} is not a code in {self.code_set}",
                suggestions=self.nearest(code),
            )
        payload = json.loads(row["payload"])
        path: list[CodeRef] = []
        parent = row["parent"]
        while parent:
            ref_row = self._row(parent)
            if ref_row is None:
                break
            path.insert(0, self._ref(parent))
            parent = ref_row["parent"]
        chapter = self.chapter(row["chapter"])
        block = next(b for b in chapter.blocks if b.code_range == row["block"])
        seventh: dict[str, Any] = {}
        source = payload.get("seventh_character_source")
        if source:
            definition = payload if source == code else self._payload(source)
            seventh = {
                "seventh_characters": definition.get("seventh_characters", {}),
                "seventh_character_note": definition.get("seventh_character_note", ""),
                "seventh_character_source": source,
            }
        terms = self._connection.execute(
            "SELECT term FROM index_terms WHERE code = ? ORDER BY term", (code,)
        ).fetchall()
        return IcdCode(
            code=code,
            description=row["description"],
            billable=bool(row["billable"]),
            chapter=Chapter(
                number=chapter.number, title=chapter.title, code_range=chapter.code_range
            ),
            block=Block(code_range=block.code_range, title=block.title),
            path=path,
            children=[self._ref(child) for child in payload["children"]],
            inherited_notes=self._inherited(path, row["block"], row["chapter"]),
            index_terms=[term[0] for term in terms],
            code_set=self.code_set,
            **payload.get("notes", {}),
            **seventh,
        )

    def iter_codes(self) -> Iterator[IcdCode]:
        codes = [row[0] for row in self._connection.execute("SELECT code FROM codes ORDER BY code")]
        for code in codes:
            yield self.get(code)

    def billable_descendants(self, text: str, *, limit: int | None = None) -> list[CodeRef]:
        code = self.get(text).code
        rows = self._connection.execute(
            "SELECT code, description, billable FROM codes "
            "WHERE code > ? AND code < ? AND billable = 1 ORDER BY code LIMIT ?",
            (code, code + "\uffff", -1 if limit is None else limit),
        ).fetchall()
        return [CodeRef(code=r[0], description=r[1], billable=True) for r in rows]

    def counts(self) -> dict[str, int]:
        query = (
            "SELECT (SELECT count(*) FROM codes), (SELECT count(*) FROM codes WHERE billable = 1), "
            "(SELECT count(*) FROM index_terms)"
        )
        codes, billable, terms = self._connection.execute(query).fetchone()
        return {"codes": codes, "billable": billable, "index_terms": terms}

    def search_rows(self) -> list[tuple[str, str, bool, int, str, list[str]]]:
        """(code, description, billable, chapter, 7th character, extra terms), in code order."""
        terms: dict[str, list[str]] = {}
        for code, term in self._connection.execute("SELECT code, term FROM index_terms"):
            terms.setdefault(code, []).append(term)
        rows = []
        for code, description, billable, chapter, extension, payload in self._connection.execute(
            "SELECT code, description, billable, chapter, extension, payload FROM codes "
            "ORDER BY code"
        ):
            extra = list(terms.get(code, []))
            if '"inclusion_terms"' in payload:
                extra.extend(json.loads(payload)["notes"].get("inclusion_terms", []))
            rows.append((code, description, bool(billable), chapter, extension, extra))
        return rows

    def build_full_code(self, text: str, seventh: str) -> str:
        """The billable 7-character code: ``S52.521`` + ``A`` → ``S52.521A``; pads with ``X``."""
        record = self.get(text)
        character = seventh.strip().upper()
        if not record.seventh_characters:
            raise InvalidInput("code", f"{record.code} does not take a 7th character")
        if len(record.code.replace(".", "")) == 7:
            raise InvalidInput("code", f"{record.code} already has its 7th character")
        deeper = [
            child.code
            for child in record.children
            if not child.code.startswith(pad_with_placeholder(record.code))
            or len(child.code.replace(".", "")) < 7
        ]
        if deeper:
            raise InvalidInput(
                "code",
                f"{record.code} is not specific enough for a 7th character; choose a subcode",
                suggestions=deeper[:10],
            )
        full = pad_with_placeholder(record.code) + character
        if len(character) != 1 or not self.exists(full):
            allowed = [c.code[-1] for c in record.children]
            raise InvalidInput(
                "seventh",
                f"{character!r} is not a 7th character {record.code} accepts",
                allowed=allowed,
            )
        return full


_default_lock = threading.Lock()
_default: Icd10Index | None = None


def default_index() -> Icd10Index:
    """The served code set's index, opened once per process (built on first use)."""
    global _default
    with _default_lock:
        if _default is None:
            from medcoder.paths import configured_cache_dir

            _default = Icd10Index.open(configured_cache_dir())
        return _default


def reset_default_index() -> None:
    """Forget the open index (after ``codes refresh`` or a settings change)."""
    global _default
    with _default_lock:
        if _default is not None:
            _default.close()
        _default = None


def get_icd10(code: str) -> IcdCode:
    return default_index().get(code)


def iter_icd10() -> Iterator[IcdCode]:
    return default_index().iter_codes()


def billable_descendants(code: str) -> list[CodeRef]:
    return default_index().billable_descendants(code)


def build_full_code(code: str, seventh: str) -> str:
    return default_index().build_full_code(code, seventh)


def icd10_chapters() -> list[Chapter]:
    return default_index().chapters()


def icd10_chapter(number: int) -> ChapterDetail:
    return default_index().chapter(number)


def icd10_block(code_range: str) -> BlockSummary:
    return default_index().block(code_range)
