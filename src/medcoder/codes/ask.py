"""Answer a coding question in plain words from our own passages, optionally phrased by an LLM.

Retrieval first: glossary concepts, the notes of every code the question names (and what those
notes say about each other), ICD-10-CM guideline passages, and code-search hits. Without a model
the answer is composed from those passages with numbered citations. With a configured chat
endpoint the same passages ground the model's reply, which must cite them or is discarded.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from medcoder.codes.concepts_explain import CodeNotes, code_notes, explaining_concepts
from medcoder.codes.glossary import fold, get_concept, search_concepts, words
from medcoder.codes.guidelines import search_guidelines
from medcoder.codes.guidelines_pairs import compare_codes, describe_notes
from medcoder.codes.llm import ChatClient, LlmError
from medcoder.errors import InvalidInput

MAX_QUESTION_CHARS = 1000
MAX_CODES = 4
# Enough for a category's full excludes and use-additional lists, short of chapter boilerplate.
MAX_NOTE_LINES = 24
MAX_PARAGRAPH_CHARS = 700
_CODE_IN_TEXT = re.compile(
    r"\b(?:[A-Za-z][0-9][0-9A-Za-z](?:\.[0-9A-Za-z]{1,4}|[0-9A-Za-z]{1,4})?)\b"
)
_CITATION = re.compile(r"\[(\d{1,2})\]")
# A concept hit this strong means the question is about a concept, not a search for a code.
STRONG_CONCEPT = 30.0
# Words too common to pick a paragraph by ("when" and "use" do help: "when do I use 59?").
_FILLER = frozenset(
    "a an and are can do does for how i in is it me my of on or the to what".split()
)
# One alias word ("office") is not enough to lead an answer with a concept.
MIN_CONCEPT_SCORE = 6.0

SYSTEM_PROMPT = (
    "You are an experienced certified medical coder helping a student. Answer the question using "
    "only the numbered passages. Cite every statement with the passage number in square brackets, "
    "like [1]. If the passages do not answer the question, say so. Do not quote CPT descriptors."
)


PassageKind = Literal["concept", "code_note", "guideline"]


class Passage(BaseModel):
    number: int
    kind: PassageKind
    ref: str
    title: str
    text: str
    url: str


class Answer(BaseModel):
    question: str
    text: str
    passages: list[Passage]
    used_llm: bool
    llm_note: str = ""
    code_sets: list[str] = []


def mentioned_codes(question: str) -> list[CodeNotes]:
    """The real ICD-10-CM / HCPCS codes written in ``question``, in order, without duplicates."""
    found: dict[str, CodeNotes] = {}
    for token in _CODE_IN_TEXT.findall(question):
        try:
            notes = code_notes(token)
        except InvalidInput:
            continue  # "A1c", "B12": code-shaped words that are not codes
        found.setdefault(notes.code, notes)
        if len(found) == MAX_CODES:
            break
    return list(found.values())


class _Passages:
    """Numbered passages, each added once."""

    def __init__(self) -> None:
        self.items: list[Passage] = []

    def add(self, kind: PassageKind, ref: str, title: str, text: str, url: str) -> int:
        for item in self.items:
            if item.kind == kind and item.ref == ref:
                return item.number
        number = len(self.items) + 1
        self.items.append(
            Passage(number=number, kind=kind, ref=ref, title=title, text=text, url=url)
        )
        return number

    def concept(self, slug: str, question: str) -> int:
        concept = get_concept(slug)
        text = f"{concept.summary}\n\n{_best_paragraph(concept.body, question)}".strip()
        return self.add("concept", slug, concept.title, text, concept.url)

    def code(self, notes: CodeNotes) -> int:
        return self.add(
            "code_note",
            notes.code,
            f"{notes.code} {notes.description}",
            _note_text(notes),
            notes.url,
        )


def _note_text(notes: CodeNotes) -> str:
    billable = "billable" if notes.billable else "not billable"
    lines = [f"{notes.code} {notes.description} ({billable}; {notes.code_set})."]
    for note in notes.notes:
        if note.source.startswith("Chapter") and note.kind != "excludes1":
            continue  # chapter-wide lists and boilerplate drown the notes that matter here
        where = "" if note.source == notes.code else f" (at {note.source})"
        lines.append(f"{note.label}{where}: {note.text}")
    return "\n".join(lines[:MAX_NOTE_LINES])


def _best_paragraph(body: str, question: str) -> str:
    """The body paragraph (or list) sharing the most words with the question, kept short."""
    wanted = set(fold(question).split()) - _FILLER
    blocks = []
    for part in re.split(r"\n\s*\n", body):
        # A heading line often sits right on top of its paragraph: keep the paragraph.
        lines = [line for line in part.strip().splitlines() if not line.startswith("#")]
        if lines and not lines[0].startswith("|"):
            blocks.append("\n".join(lines))
    if not blocks:
        return ""
    best = max(blocks, key=lambda part: len(wanted & set(fold(part).split())))
    if best.startswith(("- ", "1. ")):
        items = re.split(r"\n(?=- |\d+\. )", best)
        kept = [" ".join(items[0].split())]
        for item in items[1:]:
            if sum(map(len, kept)) + len(item) > MAX_PARAGRAPH_CHARS:
                break
            kept.append(" ".join(item.split()))
        return "\n".join(kept)
    prose = " ".join(best.split())
    if len(prose) <= MAX_PARAGRAPH_CHARS:
        return prose
    cut = prose.rfind(". ", 0, MAX_PARAGRAPH_CHARS)
    return prose[: cut + 1] if cut > 0 else prose[:MAX_PARAGRAPH_CHARS] + "…"


def retrieve(question: str) -> tuple[list[str], _Passages, list[CodeNotes]]:
    """Sentences of a direct answer, the passages they cite, and the codes the question names."""
    passages = _Passages()
    sentences: list[str] = []
    codes = mentioned_codes(question)
    numbers = {notes.code: passages.code(notes) for notes in codes}
    for finding in compare_codes(codes):
        cited = "".join(f"[{numbers[code]}]" for code in finding.codes)
        cited += "".join(f"[{passages.concept(slug, question)}]" for slug in finding.concepts)
        sentences.append(f"{finding.text} {cited}")
    if len(codes) == 1:
        only = codes[0]
        cited = f"[{numbers[only.code]}]" + "".join(
            f"[{passages.concept(slug, question)}]" for slug in explaining_concepts(only)
        )
        sentences.append(f"{describe_notes(only)} {cited}")
    hits = [
        hit
        for hit in search_concepts(question, limit=4)
        if hit.score >= MIN_CONCEPT_SCORE and not (codes and hit.matched == "codes")
    ]
    if hits:
        lead = get_concept(hits[0].slug)
        number = passages.concept(lead.slug, question)
        sentences.append(f"**{lead.title}**: {lead.summary} [{number}]")
        paragraph = _best_paragraph(lead.body, question)
        if paragraph:
            sentences.append(f"{paragraph} [{number}]")
    guidelines = search_guidelines(question, limit=2)
    for guideline in guidelines:
        number = passages.add(
            "guideline", guideline.ref, guideline.title, guideline.text, guideline.url
        )
        sentences.append(
            f"Guideline {guideline.ref}, {guideline.title}: {guideline.summary} [{number}]"
        )
    others = [hit for hit in hits[1:] if hit.score >= hits[0].score / 3]
    if others:
        cited = ", ".join(f"{hit.title} [{passages.concept(hit.slug, question)}]" for hit in others)
        sentences.append(f"See also: {cited}.")
    if not codes and not guidelines and (not hits or hits[0].score < STRONG_CONCEPT):
        sentences.extend(_search_sentences(question, passages))
    return sentences, passages, codes


def _search_sentences(question: str, passages: _Passages) -> list[str]:
    from medcoder.codes.search import search_codes

    found = []
    for hit in search_codes(" ".join(words(question)), limit=3):
        try:
            notes = code_notes(hit.code)
        except InvalidInput:
            continue
        description = hit.description if len(hit.description) <= 90 else hit.description[:89] + "…"
        found.append(f"{hit.code} {description} [{passages.code(notes)}]")
    return [f"Codes matching your words: {'; '.join(found)}."] if found else []


def _retrieval_text(sentences: list[str]) -> str:
    if not sentences:
        return (
            "Nothing in the glossary, the guidelines or the code set matches that question. Try "
            "naming a code (E11.9) or a term such as excludes1 or modifier 59."
        )
    return "\n\n".join(sentences)


def _ask_model(llm: ChatClient, question: str, passages: list[Passage]) -> str:
    context = "\n\n".join(f"[{p.number}] ({p.kind}) {p.title}\n{p.text}" for p in passages)
    return llm.complete(
        [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Passages:\n\n{context}\n\nQuestion: {question}"},
        ]
    )


def cited_numbers(text: str, passages: list[Passage]) -> set[int]:
    valid = {passage.number for passage in passages}
    return {int(number) for number in _CITATION.findall(text)} & valid


def answer_question(question: str, *, llm: ChatClient | None = None) -> Answer:
    """A direct answer with numbered citations; the model phrases it only if it cites passages."""
    cleaned = " ".join(question.split())
    if not cleaned:
        raise InvalidInput("question", "ask a question, e.g. when do I use modifier 59?")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise InvalidInput("question", f"keep questions under {MAX_QUESTION_CHARS} characters")
    sentences, collected, codes = retrieve(cleaned)
    passages = collected.items
    fallback = _retrieval_text(sentences)
    code_sets = sorted({notes.code_set for notes in codes})
    answer = Answer(
        question=cleaned, text=fallback, passages=passages, used_llm=False, code_sets=code_sets
    )
    if llm is None or not passages:
        return answer
    try:
        reply = _ask_model(llm, cleaned, passages)
    except LlmError as error:
        answer.llm_note = f"The language model was not used: {error}. Showing the retrieval answer."
        return answer
    if not cited_numbers(reply, passages):
        answer.llm_note = (
            "The language model's reply cited none of the passages, so the retrieval answer is "
            "shown instead."
        )
        return answer
    return answer.model_copy(update={"text": reply, "used_llm": True})
