"""Read the CMS ICD-10-CM Alphabetic Index XML (``icd10cm_index_YYYY.xml``) into searchable terms.

The index nests ``letter`` → ``mainTerm`` → ``term level="N"``; each level has a ``title`` (with
nonessential modifiers in ``nemod``) and, when it leads straight to a code, a ``code``. A coder
reads a path such as "Fracture, traumatic, wrist"; we join the titles the same way so the whole
path becomes searchable text for the code it ends on.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class IndexTerm:
    term: str
    code: str


def _title(element: ET.Element) -> str:
    title = element.find("title")
    if title is None:
        return ""
    return " ".join("".join(title.itertext()).split())


def _code(element: ET.Element) -> str:
    # "S62.10-" means "see the tabular list for the remaining characters".
    text = (element.findtext("code") or "").strip().rstrip("-").rstrip(".")
    return text.upper()


def _walk(element: ET.Element, trail: list[str], terms: list[IndexTerm]) -> None:
    path = [*trail, _title(element)]
    code = _code(element)
    if code:
        terms.append(IndexTerm(term=", ".join(part for part in path if part), code=code))
    for child in element.findall("term"):
        _walk(child, path, terms)


def parse_alphabetic_index(path: Path) -> list[IndexTerm]:
    """Every index path that leads to a code, e.g. ``("Hypertension (arterial)", "I10")``."""
    root = ET.parse(path).getroot()
    terms: list[IndexTerm] = []
    for main_term in root.iter("mainTerm"):
        _walk(main_term, [], terms)
    return terms
