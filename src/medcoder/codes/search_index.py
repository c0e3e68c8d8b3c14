"""The in-memory inverted index behind ``search_codes``.

Every searchable text (a description, an inclusion term, an Alphabetic Index path, a HCPCS short
description) is a *document* pointing at one code. Documents are numbered in order of a static
preference — billable first, then fewest words beyond the query, "unspecified"/"without" variants
before others, 7th character A before D and S — so that among documents matching every query word
the best ones are simply the lowest numbers. That keeps a query to a few set intersections.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from medcoder.codes.text import weight_of_extra, words

# Document kinds, cheapest first: a hit on the code's own description beats one on an index path.
DESCRIPTION, INCLUSION, INDEX_TERM, SHORT = 0, 1, 2, 3
KIND_NAMES = ("description", "inclusion term", "index term", "short description")
_KIND_BIAS = (0.0, 0.25, 0.35, 0.5)
HCPCS_BIAS = 1.0
# HCPCS codes whose BETOS category is Z2 ("undefined") are quality-reporting G and M codes: long
# texts that mention many conditions in passing, and never what a word search is after.
REPORTING_ONLY_BETOS = "Z2"
REPORTING_ONLY_BIAS = 3.0
# Pregnancy (chapter 15) and newborn (chapter 16) codes apply only when the query says so; a
# query that does ("newborn") matches only them anyway, so the bias never hides them. Congenital
# malformations (chapter 17) are coded only when documented as congenital: "kidney cysts" or
# "hammer toe" unqualified are the acquired conditions.
CHAPTER_BIAS = {15: 1.5, 16: 1.5, 17: 1.0}
# Text that adds no specificity: nonessential modifiers in (parentheses), synonyms in [brackets],
# and the NEC convention. "Essential (primary) hypertension" is as plain as "hypertension".
_ASIDES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# "Not elsewhere classified" and "not otherwise specified" are conventions, not extra detail.
_NEC = re.compile(r"\bnot (?:elsewhere classified|otherwise specified)\b", re.IGNORECASE)
# A later clause that only says which part is unspecified ("Diverticulitis of intestine, part
# unspecified", "Pressure ulcer of sacral region, unspecified stage") says nothing more than the
# plain term: its noun costs like an aside, so it ranks above "small intestine" or "unstageable".
_UNSPECIFIED_CLAUSE = re.compile(
    r"(?<=,)(\s*)(?:unspecified\s+([a-z]+)|([a-z]+)\s+unspecified)(?=\s*(?:,|$))", re.IGNORECASE
)
ASIDE_WEIGHT = 0.2


@dataclass(frozen=True)
class CodeEntry:
    code: str
    description: str
    billable: bool
    code_set: str  # "icd10cm" or "hcpcs"
    chapter: int | None
    # A quality-reporting HCPCS code (see REPORTING_ONLY_BETOS): listed after every other match.
    reporting_only: bool = False


@dataclass
class _Doc:
    entry: int
    kind: int
    tokens: frozenset[str]
    cost: float
    order: int  # position among a code's 7th characters (A first), else 0
    free: frozenset[str]


@dataclass
class SearchIndex:
    entries: list[CodeEntry] = field(default_factory=list)
    doc_entry: list[int] = field(default_factory=list)
    doc_kind: list[int] = field(default_factory=list)
    doc_tokens: list[frozenset[str]] = field(default_factory=list)
    # The static cost behind each document's number, and the words of its (parenthesised) or
    # [bracketed] asides, which cost little: a query word found only there is re-ranked later.
    doc_cost: list[float] = field(default_factory=list)
    doc_free: dict[int, frozenset[str]] = field(default_factory=dict)
    postings: dict[str, set[int]] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)
    by_first_letter: dict[str, list[str]] = field(default_factory=dict)
    sorted_codes: list[str] = field(default_factory=list)
    entry_of_code: dict[str, int] = field(default_factory=dict)

    def words_with_prefix(self, prefix: str, *, limit: int = 200) -> list[str]:
        start = bisect.bisect_left(self.vocabulary, prefix)
        found = []
        for word in self.vocabulary[start : start + limit]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def codes_with_prefix(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.sorted_codes, prefix)
        found = []
        for code in self.sorted_codes[start:]:
            if not code.startswith(prefix):
                break
            found.append(code)
        return found


class IndexBuilder:
    """Collects documents, then numbers them by static preference."""

    def __init__(self) -> None:
        self.entries: list[CodeEntry] = []
        self.docs: list[_Doc] = []
        self._word_cache: dict[str, tuple[frozenset[str], float, frozenset[str]]] = {}

    def _words(self, text: str) -> tuple[frozenset[str], float, frozenset[str]]:
        """The distinct words of ``text`` and their cost as extra words (memoised).

        What follows "without" costs nothing: "cystitis without hematuria" says no more than
        "cystitis", while "cystitis with hematuria" adds a finding the query did not mention.
        """
        cached = self._word_cache.get(text)
        if cached is None:
            distinct = frozenset(words(text))
            plain = _UNSPECIFIED_CLAUSE.sub(r"\1unspecified", _NEC.sub(" ", text))
            costed = frozenset(words(_ASIDES.sub(" , ", plain)))
            free = distinct - costed - frozenset(words(" ".join(_NEC.findall(text))))
            cost = sum(weight_of_extra(word) for word in costed)
            cost += sum(ASIDE_WEIGHT * weight_of_extra(word) for word in free)
            cached = (distinct, cost, free)
            self._word_cache[text] = cached
        return cached

    def add_entry(self, entry: CodeEntry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def add_doc(
        self,
        entry: int,
        kind: int,
        text: str,
        *,
        extra_text: str = "",
        order: int = 0,
        bias: float = 0.0,
    ) -> None:
        """Index ``text`` (whose length sets the cost) plus ``extra_text`` (searchable, free)."""
        tokens, cost, free = self._words(text)
        if extra_text:
            tokens = tokens | self._words(extra_text)[0]
        self.docs.append(
            _Doc(
                entry=entry,
                kind=kind,
                tokens=tokens,
                cost=cost + _KIND_BIAS[kind] + bias,
                order=order,
                free=free,
            )
        )

    def build(self) -> SearchIndex:
        entries = self.entries

        def preference(doc: _Doc) -> tuple[bool, float, int, str]:
            entry = entries[doc.entry]
            # HCPCS texts are long and many are reporting-only G/M codes: on a tie with an
            # ICD-10-CM diagnosis text, the diagnosis is the likelier intent of a word search.
            bias = HCPCS_BIAS if entry.code_set == "hcpcs" else 0.0
            bias += CHAPTER_BIAS.get(entry.chapter or 0, 0.0)
            doc.cost += bias
            return (not entry.billable, doc.cost, doc.order, entry.code)

        self.docs.sort(key=preference)
        postings: dict[str, set[int]] = defaultdict(set)
        for number, doc in enumerate(self.docs):
            for token in doc.tokens:
                postings[token].add(number)
        vocabulary = sorted(postings)
        by_first_letter: dict[str, list[str]] = defaultdict(list)
        for word in vocabulary:
            if not word.isdigit():
                by_first_letter[word[0]].append(word)
        return SearchIndex(
            entries=entries,
            doc_entry=[doc.entry for doc in self.docs],
            doc_kind=[doc.kind for doc in self.docs],
            doc_tokens=[doc.tokens for doc in self.docs],
            doc_cost=[doc.cost for doc in self.docs],
            doc_free={number: doc.free for number, doc in enumerate(self.docs) if doc.free},
            postings=dict(postings),
            vocabulary=vocabulary,
            by_first_letter=dict(by_first_letter),
            sorted_codes=sorted(entry.code for entry in entries),
            entry_of_code={entry.code: number for number, entry in enumerate(entries)},
        )
