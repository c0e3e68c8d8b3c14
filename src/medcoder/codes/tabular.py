"""Read a CMS ICD-10-CM tabular-list XML file into plain records.

The tabular XML nests ``chapter`` → ``section`` (block) → ``diag`` (category, subcategory, code).
Each level can carry instructional notes. Codes that need a 7th character inherit the
``sevenChrDef`` of the nearest ancestor that defines one; the full seven-character codes are not in
the XML, so they are generated here (with placeholder ``X`` padding) exactly as CMS's code list
spells them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

# XML element → field name on our records. Order is the order a code page shows them in.
NOTE_ELEMENTS = {
    "inclusionTerm": "inclusion_terms",
    "includes": "includes",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "codeFirst": "code_first",
    "useAdditionalCode": "use_additional_code",
    "codeAlso": "code_also",
    "notes": "notes",
}
NOTE_FIELDS = tuple(NOTE_ELEMENTS.values())


# 7th-character limits that CMS states only in prose. Category S06's note: "7th characters D and
# S do not apply to codes in category S06 with 6th character 7 ... or 8". CMS's code list agrees.
def _allowed_seventh(code: str, characters: dict[str, str]) -> dict[str, str]:
    compact_code = code.replace(".", "")
    if compact_code.startswith("S06") and len(compact_code) == 6 and compact_code[5] in "78":
        return {char: text for char, text in characters.items() if char == "A"}
    return characters


_RANGE_SUFFIX = re.compile(r"\s*\(([A-Z0-9.\-]+)\)\s*$")


@dataclass
class TabularCode:
    code: str
    description: str
    parent: str | None
    chapter: int
    block: str
    depth: int
    children: list[str] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    seventh_characters: dict[str, str] = field(default_factory=dict)
    seventh_character_note: str = ""
    seventh_character_source: str = ""
    # For generated 7-character codes: the 7th character, else "".
    extension: str = ""

    @property
    def billable(self) -> bool:
        if self.extension:
            return True
        return not self.children and not self.seventh_characters


@dataclass
class TabularGroup:
    """A chapter (key = its number) or a block (key = its range, e.g. ``A00-A09``)."""

    key: str
    title: str
    code_range: str
    chapter: int
    notes: dict[str, list[str]] = field(default_factory=dict)
    blocks: list[str] = field(default_factory=list)


@dataclass
class Tabular:
    version: str
    chapters: list[TabularGroup]
    blocks: list[TabularGroup]
    codes: list[TabularCode]


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _split_range(description: str) -> tuple[str, str]:
    """``"Neoplasms (C00-D49)"`` → ``("Neoplasms", "C00-D49")``."""
    match = _RANGE_SUFFIX.search(description)
    if not match:
        return description, ""
    return description[: match.start()], match.group(1)


def _notes_of(element: ET.Element) -> dict[str, list[str]]:
    notes: dict[str, list[str]] = {}
    for tag, name in NOTE_ELEMENTS.items():
        for holder in element.findall(tag):
            texts = [_text(note) for note in holder.findall("note")]
            notes.setdefault(name, []).extend(text for text in texts if text)
    return notes


def pad_with_placeholder(code: str) -> str:
    """Pad a code with ``X`` to six characters (before the 7th): ``S01.00`` → ``S01.00X``,
    ``W19`` → ``W19.XXX``."""
    if "." not in code:
        code += "."
    compact_length = len(code.replace(".", ""))
    return code + "X" * max(0, 6 - compact_length)


class _Walker:
    def __init__(self) -> None:
        self.codes: list[TabularCode] = []

    def walk(
        self,
        element: ET.Element,
        *,
        parent: TabularCode | None,
        chapter: int,
        block: str,
    ) -> TabularCode:
        record = TabularCode(
            code=_text(element.find("name")),
            description=_text(element.find("desc")),
            parent=parent.code if parent else None,
            chapter=chapter,
            block=block,
            depth=parent.depth + 1 if parent else 0,
            notes=_notes_of(element),
        )
        definition = element.find("sevenChrDef")
        if definition is not None:
            record.seventh_characters = {
                ext.get("char", ""): _text(ext) for ext in definition.findall("extension")
            }
            record.seventh_character_note = _text(element.find("sevenChrNote"))
            record.seventh_character_source = record.code
        elif parent is not None and parent.seventh_characters:
            record.seventh_characters = parent.seventh_characters
            record.seventh_character_note = parent.seventh_character_note
            record.seventh_character_source = parent.seventh_character_source
        self.codes.append(record)
        for child in element.findall("diag"):
            child_record = self.walk(child, parent=record, chapter=chapter, block=block)
            record.children.append(child_record.code)
        if not record.children and record.seventh_characters:
            self._extend(record)
        return record

    def _extend(self, record: TabularCode) -> None:
        base = pad_with_placeholder(record.code)
        for char, meaning in _allowed_seventh(record.code, record.seventh_characters).items():
            full = base + char
            record.children.append(full)
            self.codes.append(
                TabularCode(
                    code=full,
                    description=f"{record.description}, {meaning}",
                    parent=record.code,
                    chapter=record.chapter,
                    block=record.block,
                    depth=record.depth + 1,
                    seventh_characters=record.seventh_characters,
                    seventh_character_note=record.seventh_character_note,
                    seventh_character_source=record.seventh_character_source,
                    extension=char,
                )
            )


def parse_tabular(path: Path) -> Tabular:
    """Parse a CMS ``icd10cm_tabular_*.xml`` file (any fiscal year since FY2016)."""
    root = ET.parse(path).getroot()
    walker = _Walker()
    chapters: list[TabularGroup] = []
    blocks: list[TabularGroup] = []
    for chapter_element in root.findall("chapter"):
        number = int(_text(chapter_element.find("name")))
        title, code_range = _split_range(_text(chapter_element.find("desc")))
        chapter = TabularGroup(
            key=str(number),
            title=title,
            code_range=code_range,
            chapter=number,
            notes=_notes_of(chapter_element),
        )
        chapters.append(chapter)
        for section in chapter_element.findall("section"):
            block_title, _ = _split_range(_text(section.find("desc")))
            block_range = section.get("id", "")
            chapter.blocks.append(block_range)
            block = TabularGroup(
                key=block_range,
                title=block_title,
                code_range=block_range,
                chapter=number,
                notes=_notes_of(section),
            )
            blocks.append(block)
            for diag in section.findall("diag"):
                category = walker.walk(diag, parent=None, chapter=number, block=block_range)
                block.blocks.append(category.code)
    return Tabular(
        version=_text(root.find("version")),
        chapters=chapters,
        blocks=blocks,
        codes=walker.codes,
    )
