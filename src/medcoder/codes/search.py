"""One search box for codes and words: code prefixes, descriptions, inclusion and index terms,
abbreviations and lay terms from the lexicon, plurals and misspellings.

The index is loaded on the first search (see ``search_build``) and reused; a query is then a few
set intersections over pre-ranked documents (see ``search_index``).
"""

from __future__ import annotations

import heapq
import re
from typing import Literal

from pydantic import BaseModel
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from medcoder.codes.hcpcs import HCPCS_CODE_SET
from medcoder.codes.icd10 import default_index
from medcoder.codes.lexicon import Lexicon, load_lexicon
from medcoder.codes.normalize import compact, dotted_icd10
from medcoder.codes.search_build import reset_search_index, search_index
from medcoder.codes.search_index import ASIDE_WEIGHT, KIND_NAMES, SearchIndex
from medcoder.codes.text import words
from medcoder.errors import InvalidInput

__all__ = ["CODE_SETS", "SearchHit", "reset_search_index", "search_codes", "search_index"]


CodeSetName = Literal["icd10cm", "hcpcs"]
CODE_SETS: tuple[CodeSetName, ...] = ("icd10cm", "hcpcs")
MAX_QUERY_CHARS = 200
MAX_LIMIT = 200
MODIFIER_WORDS = frozenset({"modifier", "mod"})
_CODE_PREFIX = re.compile(r"^[A-Z][0-9][0-9A-Z]{0,5}$")


class SearchHit(BaseModel):
    code: str
    description: str
    billable: bool
    code_set: CodeSetName
    code_set_version: str
    chapter: int | None
    score: float
    matched: str


class _Query:
    """One query's filters and the hits gathered so far (each code once)."""

    def __init__(
        self,
        index: SearchIndex,
        *,
        limit: int,
        billable_only: bool,
        chapter: int | None,
        code_set: str | None,
    ) -> None:
        self.index = index
        self.limit = limit
        self.billable_only = billable_only
        self.chapter = chapter
        self.code_set = code_set
        self.modifiers_only = False
        self.hits: list[tuple[int, float, str]] = []
        self.seen: set[int] = set()
        # Word matches on quality-reporting codes, held back until every other match is listed.
        self.defer_reporting = False
        self.deferred: list[tuple[int, float, str]] = []
        self.icd_version = default_index().code_set

    @property
    def full(self) -> bool:
        return len(self.hits) >= self.limit

    def accepts(self, entry_number: int) -> bool:
        if entry_number in self.seen:
            return False
        entry = self.index.entries[entry_number]
        if self.billable_only and not entry.billable:
            return False
        if self.code_set is not None and entry.code_set != self.code_set:
            return False
        if self.modifiers_only and not (entry.code_set == "hcpcs" and len(entry.code) == 2):
            return False
        return self.chapter is None or entry.chapter == self.chapter

    def add(self, entry_number: int, score: float, matched: str) -> None:
        if not self.full and self.accepts(entry_number):
            self.seen.add(entry_number)
            if self.defer_reporting and self.index.entries[entry_number].reporting_only:
                if len(self.deferred) < self.limit:
                    self.deferred.append((entry_number, score, matched))
            else:
                self.hits.append((entry_number, score, matched))

    def add_deferred(self) -> None:
        """Append the held-back reporting codes, scored no higher than the hits above them."""
        room = max(0, self.limit - len(self.hits))
        floor = min((score for _entry, score, _matched in self.hits), default=1.0)
        for entry_number, score, matched in self.deferred[:room]:
            self.hits.append((entry_number, min(score, floor), matched))

    def add_docs_in_order(
        self, docs: set[int], score: float, note: str, query_words: frozenset[str]
    ) -> None:
        if not docs or self.full:
            return
        wanted = (self.limit - len(self.hits)) * 8 + 16
        ordered = heapq.nsmallest(wanted, docs) if len(docs) > wanted else sorted(docs)
        ordered = self._rerank_asides(ordered, query_words)
        for pass_number in range(2):
            for doc in ordered:
                kind = KIND_NAMES[self.index.doc_kind[doc]]
                self.add(self.index.doc_entry[doc], score, kind + note)
                if self.full:
                    return
            if pass_number == 0 and len(ordered) < len(docs):
                ordered = sorted(docs)[len(ordered) :]
            else:
                return

    def _rerank_asides(self, ordered: list[int], query_words: frozenset[str]) -> list[int]:
        """Documents are numbered as if every query word were in their main text; one found only
        in an aside ("Panic disorder [episodic paroxysmal anxiety]" for "anxiety disorder") was
        charged little for a word the query asked for, so it pays the rest here."""
        index = self.index
        free = index.doc_free
        if not any(doc in free and free[doc] & query_words for doc in ordered):
            return ordered

        def key(doc: int) -> tuple[bool, float, int]:
            billable = index.entries[index.doc_entry[doc]].billable
            missing = len(free.get(doc, frozenset()) & query_words)
            return (not billable, index.doc_cost[doc] + (1 - ASIDE_WEIGHT) * missing, doc)

        return sorted(ordered, key=key)

    def results(self) -> list[SearchHit]:
        hits = []
        for entry_number, score, matched in self.hits:
            entry = self.index.entries[entry_number]
            version = self.icd_version if entry.code_set == "icd10cm" else HCPCS_CODE_SET
            hits.append(
                SearchHit(
                    code=entry.code,
                    description=entry.description,
                    billable=entry.billable,
                    code_set="icd10cm" if entry.code_set == "icd10cm" else "hcpcs",
                    code_set_version=version,
                    chapter=entry.chapter,
                    score=round(score, 3),
                    matched=matched,
                )
            )
        return hits


def _code_prefix_hits(query: _Query, text: str) -> None:
    key = compact(text)
    if not _CODE_PREFIX.match(key):
        return
    index = query.index
    # Without a dot, "J1100" is first the HCPCS code; with one, "J11.00" is the ICD-10-CM code.
    spellings = (dotted_icd10(key), key) if "." in text else (key, dotted_icd10(key))
    for prefix in dict.fromkeys(spellings):
        exact = index.entry_of_code.get(prefix)
        if exact is not None:
            query.add(exact, 1.0, "code")
    for prefix in dict.fromkeys(spellings):
        for code in index.codes_with_prefix(prefix):
            query.add(index.entry_of_code[code], 0.9, "code prefix")
            if query.full:
                return


def _completed(index: SearchIndex, word: str) -> set[int] | None:
    completions = index.words_with_prefix(word, limit=60)
    if len(completions) <= 1:
        return None
    docs: set[int] = set()
    for completion in completions:
        docs |= index.postings[completion]
    return docs


def _correct(index: SearchIndex, word: str, *, last: bool) -> tuple[set[int], str]:
    """Documents for a word the index does not know: a completion, then a spelling correction."""
    if last and len(word) >= 2:
        completions = index.words_with_prefix(word, limit=60)
        if completions:
            docs: set[int] = set()
            for completion in completions:
                docs |= index.postings[completion]
            return docs, f"{word}…"
    if len(word) >= 4 and not word.isdigit():
        best = _nearest_spelling(index, word)
        if best is not None and best in index.postings:
            return index.postings[best], f"{word}→{best}"
    return set(), ""


def _corrected_words(index: SearchIndex, lexicon: Lexicon, query_words: list[str]) -> list[str]:
    """Fix words the index does not know: "-ed"/"-ing" endings, then misspellings.

    The last word is left alone when it begins known words, so search-as-you-type can complete it.
    """
    fixed = []
    for position, word in enumerate(query_words):
        known = word in index.postings or word in lexicon.words
        typing = position == len(query_words) - 1 and bool(index.words_with_prefix(word, limit=1))
        if known or typing or len(word) < 4 or word.isdigit():
            fixed.append(word)
            continue
        fixed.append(_respelled(index, word))
    return fixed


def _respelled(index: SearchIndex, word: str) -> str:
    for ending in ("ing", "ed", "d"):
        if word.endswith(ending) and word[: -len(ending)] in index.postings:
            return word[: -len(ending)]
        if word.endswith(ending) and word[: -len(ending)] + "e" in index.postings:
            return word[: -len(ending)] + "e"
    return _nearest_spelling(index, word) or word


def _nearest_spelling(index: SearchIndex, word: str) -> str | None:
    """The known word fewest edits away (1 edit up to 5 letters, 2 up to 9, else 3)."""
    allowed = 1 if len(word) <= 5 else 2 if len(word) <= 9 else 3
    candidates = index.by_first_letter.get(word[0], [])
    found = process.extract(
        word, candidates, scorer=Levenshtein.distance, score_cutoff=allowed, limit=8
    )
    if not found:
        return None
    # Among equally near spellings the word more codes use is the likelier intent:
    # "osteoperosis" is osteoporosis (hundreds of codes), not osteopetrosis (one).
    nearest = min(item[1] for item in found)
    tied = [item for item in found if item[1] == nearest]
    best = max(tied, key=lambda item: len(index.postings.get(item[0], ())))
    return str(best[0])


def _all_words_hits(query: _Query, query_words: list[str], score: float) -> bool:
    """Documents containing every word (completing or correcting unknown ones); True if any."""
    index = query.index
    sets: list[set[int]] = []
    notes: list[str] = []
    for position, word in enumerate(query_words):
        last = position == len(query_words) - 1
        docs = index.postings.get(word)
        if last and len(word) >= 3 and len(query_words) > 1:
            # Still typing? "heart fail" should find "heart failure" as well as "fail".
            docs = _completed(index, word) or docs
        if docs is None:
            docs, note = _correct(index, word, last=last)
            if not docs:
                continue  # an unknown word that nothing resembles: ignore it
            notes.append(note)
        sets.append(docs)
    if not sets:
        return False
    sets.sort(key=len)
    found = set(sets[0])
    for docs in sets[1:]:
        found &= docs
        if not found:
            return False
    note = f" ({', '.join(notes)})" if notes else ""
    query.add_docs_in_order(found, score, note, frozenset(query_words))
    return True


def _some_words_hits(query: _Query, query_words: list[str]) -> None:
    """Fallback: documents with the largest share of the query's (rarer) words."""
    index = query.index
    total_docs = len(index.doc_entry)
    weights: dict[int, float] = {}
    known = [w for w in dict.fromkeys(query_words) if w in index.postings]
    if not known:
        return
    idf = {w: 1.0 / (1 + len(index.postings[w]) / total_docs * 50) for w in known}
    total = sum(idf.values())
    # Rare words bring candidates in; common ones ("right", "fracture") only add weight to
    # documents already in play, which keeps a long query to a few milliseconds.
    budget = 3000
    for word in sorted(known, key=lambda w: len(index.postings[w])):
        docs = index.postings[word]
        if len(docs) <= budget or not weights:
            budget -= len(docs)
            for doc in docs:
                weights[doc] = weights.get(doc, 0.0) + idf[word]
        else:
            for doc in weights:
                if doc in docs:
                    weights[doc] += idf[word]
    best = heapq.nsmallest(query.limit * 20, ((-w, doc) for doc, w in weights.items()))
    for _negative, doc in best:
        kind = KIND_NAMES[index.doc_kind[doc]]
        query.add(index.doc_entry[doc], 0.8 * weights[doc] / total, f"{kind} (some words)")
        if query.full:
            return


def search_codes(
    query: str,
    *,
    limit: int = 10,
    billable_only: bool = False,
    chapter: int | None = None,
    code_set: str | None = None,
) -> list[SearchHit]:
    """Codes for ``query`` in the order a coder would pick them; [] for an empty query."""
    if limit < 1 or limit > MAX_LIMIT:
        raise InvalidInput("limit", f"must be between 1 and {MAX_LIMIT}")
    if code_set is not None and code_set not in CODE_SETS:
        raise InvalidInput("code_set", f"unknown code set {code_set!r}", allowed=list(CODE_SETS))
    text = (query or "")[:MAX_QUERY_CHARS].strip()
    if not text:
        return []
    index = search_index()
    lexicon = load_lexicon()
    state = _Query(
        index, limit=limit, billable_only=billable_only, chapter=chapter, code_set=code_set
    )
    _code_prefix_hits(state, text)
    if state.hits:
        return state.results()
    state.defer_reporting = True
    query_words = _corrected_words(index, lexicon, words(text))
    if not query_words:
        return []
    entry = lexicon.exact(tuple(query_words))
    if entry is not None:
        for code in entry.codes:
            number = index.entry_of_code.get(code)
            if number is not None:
                state.add(number, 1.0, f"lexicon: {' '.join(query_words)}")
    modifier = index.entry_of_code.get(compact(text)) if len(compact(text)) == 2 else None
    if modifier is not None:
        state.add(modifier, 1.0, "modifier")
    if len(query_words) > 1 and query_words[-1] in MODIFIER_WORDS | {"modifier"}:
        # "left side modifier": look among the HCPCS modifiers for the rest of the words.
        query_words = [word for word in query_words if word not in MODIFIER_WORDS]
        state.modifiers_only = True
    expanded, used = lexicon.expand(query_words)
    if expanded != query_words:
        _all_words_hits(state, expanded, 0.9)
    if not state.full:
        _all_words_hits(state, query_words, 0.95 if not used else 0.85)
    if not state.full:
        _some_words_hits(state, expanded)
    state.add_deferred()
    return state.results()
