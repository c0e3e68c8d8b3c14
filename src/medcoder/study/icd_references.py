"""Code references inside ICD-10-CM note text, and whether a code falls under one.

Tabular notes name codes in parentheses: a single code ``(R73.03)``, a code with a dash meaning
"and everything below it" ``(E10.-)``, ``(O24.4-)``, a range ``(E16.0-E16.1)``, ``(A00-B99)``,
or several of these separated by commas. The generator uses this to know exactly which codes an
Excludes1 note forbids, so a distractor can never be one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CODE = r"[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?"
_PART = re.compile(rf"^(?P<low>{_CODE})(?:\.?-|-(?P<high>{_CODE}))?$")
_PARENTHESES = re.compile(r"\(([^()]*)\)")


def dotless(code: str) -> str:
    return code.replace(".", "").strip().upper()


@dataclass(frozen=True, slots=True)
class CodeReference:
    """A code or range a note points at, compared on dotless codes."""

    low: str
    high: str

    def covers(self, code: str) -> bool:
        """True when ``code`` (or the category it heads) lies inside this reference."""
        plain = dotless(code)
        return plain[: len(self.low)] >= self.low and plain[: len(self.high)] <= self.high


def references_in(text: str) -> list[CodeReference]:
    """Every code or range named in parentheses in one note's text."""
    found: list[CodeReference] = []
    for group in _PARENTHESES.findall(text):
        for part in group.split(","):
            match = _PART.match(part.strip().upper())
            if match is None:
                continue
            low = dotless(match["low"])
            high = dotless(match["high"]) if match["high"] else low
            found.append(CodeReference(low=low, high=high))
    return found


def covered_by_any(code: str, notes: list[str]) -> list[str]:
    """The notes (of those given) that name ``code`` or a range holding it."""
    return [note for note in notes if any(ref.covers(code) for ref in references_in(note))]
