"""Explain any term: the best glossary concept, or — for a code — every note that governs it.

A code's notes are its own (excludes, code first, use additional code, …) plus those inherited
from its category, block and chapter; each kind of note links to the concept that explains it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process

from medcoder.codes.glossary import (
    Concept,
    ConceptHit,
    concept_hit,
    fold,
    get_concept,
    list_concepts,
    search_concepts,
)
from medcoder.codes.normalize import looks_like_code
from medcoder.errors import InvalidInput


class CodeNote(BaseModel):
    kind: str
    label: str
    text: str
    source: str = Field(description="The code, block or chapter the note is written on.")


class CodeNotes(BaseModel):
    code: str
    description: str
    billable: bool
    code_set: str
    block: str = Field(
        default="", description="ICD-10-CM block, e.g. 'I10-I1A Hypertensive diseases'."
    )
    notes: list[CodeNote]
    url: str


class Explanation(BaseModel):
    term: str
    kind: Literal["concept", "code"]
    title: str
    summary: str
    body: str
    url: str
    concept: Concept | None = None
    code: CodeNotes | None = None
    related: list[ConceptHit] = []


# Note kinds on a code → the concept that explains them, and how people say them.
NOTE_CONCEPTS = {
    "inclusion_terms": ("Inclusion terms", "includes-and-inclusion-terms"),
    "includes": ("Includes", "includes-and-inclusion-terms"),
    "excludes1": ("Excludes1", "excludes1"),
    "excludes2": ("Excludes2", "excludes2"),
    "code_first": ("Code first", "code-first"),
    "use_additional_code": ("Use additional code", "use-additional-code"),
    "code_also": ("Code also", "code-also"),
    "notes": ("Note", "lookup-workflow"),
    "seventh_characters": ("7th characters", "seventh-character"),
}


def code_notes(code: str) -> CodeNotes:
    """One code's own notes plus those it inherits from its category, block and chapter."""
    from medcoder.codes.lookup import lookup_code

    detail = lookup_code(code)
    notes: list[CodeNote] = []
    block = ""
    if detail.icd10 is not None:
        record = detail.icd10
        block = f"{record.block.code_range} {record.block.title}"
        for kind, (label, _slug) in NOTE_CONCEPTS.items():
            if kind == "seventh_characters":
                if record.seventh_characters:
                    table = "; ".join(f"{c} {m}" for c, m in record.seventh_characters.items())
                    source = record.seventh_character_source or record.code
                    notes.append(CodeNote(kind=kind, label=label, text=table, source=source))
                continue
            texts: Iterable[str] = getattr(record, kind)
            notes.extend(
                CodeNote(kind=kind, label=label, text=text, source=record.code) for text in texts
            )
        notes.extend(
            CodeNote(
                kind=note.kind,
                label=NOTE_CONCEPTS.get(note.kind, (note.kind.replace("_", " ").title(), ""))[0],
                text=note.text,
                source=note.source,
            )
            for note in record.inherited_notes
        )
    return CodeNotes(
        code=detail.code,
        description=detail.description,
        billable=detail.billable,
        code_set=detail.code_set,
        block=block,
        notes=notes,
        url=f"/codes/{detail.code}",
    )


def explaining_concepts(notes: CodeNotes) -> list[str]:
    """Slugs of the concepts that explain the kinds of note written on the code itself."""
    kinds = {
        n.kind for n in notes.notes if n.source == notes.code or n.kind == "seventh_characters"
    }
    slugs = [NOTE_CONCEPTS[kind][1] for kind in NOTE_CONCEPTS if kind in kinds]
    return [slug for slug in dict.fromkeys(slugs) if slug != "lookup-workflow"]


def _code_explanation(term: str, notes: CodeNotes) -> Explanation:
    lines = [f"**{notes.code}** — {notes.description} ({notes.code_set})."]
    if not notes.notes:
        lines.append("")
        lines.append("This code carries no instructional notes.")
    for note in notes.notes:
        where = "" if note.source == notes.code else f" (from {note.source})"
        lines.append(f"- **{note.label}**{where}: {note.text}")
    kinds = {note.kind for note in notes.notes}
    slugs = [slug for kind, (_label, slug) in NOTE_CONCEPTS.items() if kind in kinds]
    related = [concept_hit(get_concept(slug), 0.0, "note kind") for slug in dict.fromkeys(slugs)]
    billable = "billable" if notes.billable else "not billable (choose a more specific code)"
    return Explanation(
        term=term,
        kind="code",
        title=f"{notes.code} {notes.description}",
        summary=f"{notes.code} is {billable}; {len(notes.notes)} notes apply to it.",
        body="\n".join(lines),
        url=notes.url,
        code=notes,
        related=related,
    )


def explain(term: str) -> Explanation:
    """The best concept for ``term``, or a code's notes when ``term`` is a code."""
    cleaned = term.strip()
    if not cleaned:
        raise InvalidInput("term", "enter a coding term (e.g. excludes1) or a code (e.g. E11.9)")
    if looks_like_code(cleaned):
        try:
            return _code_explanation(cleaned, code_notes(cleaned))
        except InvalidInput as error:
            if not search_concepts(cleaned, limit=1):
                raise InvalidInput(
                    "term", error.message, suggestions=error.suggestions or []
                ) from None
    hits = search_concepts(cleaned, limit=4)
    if not hits:
        raise InvalidInput(
            "term",
            f"no glossary concept matches {cleaned!r}",
            suggestions=_near_titles(cleaned),
        )
    concept = get_concept(hits[0].slug)
    see_also = [concept_hit(get_concept(slug), 0.0, "see also") for slug in concept.see_also]
    others = [hit for hit in hits[1:] if hit.slug not in concept.see_also]
    return Explanation(
        term=cleaned,
        kind="concept",
        title=concept.title,
        summary=concept.summary,
        body=concept.body,
        url=concept.url,
        concept=concept,
        related=see_also + others,
    )


EXAMPLE_TERMS = ("excludes1", "modifier 59", "placeholder X", "7th character", "HCC")


def _near_titles(text: str) -> list[str]:
    """Titles close to a term nothing matched, else a few terms that do work."""
    titles = [concept.title for concept in list_concepts()]
    found = process.extract(fold(text), titles, scorer=fuzz.WRatio, limit=3, score_cutoff=70)
    return [title for title, _similarity, _index in found] or list(EXAMPLE_TERMS)
