"""The glossary of coding concepts: load, list and search them (``concepts_explain`` explains).

Concepts are written in our own words in ``codes/concepts/*.yaml`` (one file per group) and loaded
once. Search is a small weighted word match over titles, aliases, summaries and bodies, after
folding the spellings coders type ("excludes 1", "mod 59", "X placeholder") into one form.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, Field, computed_field
from rapidfuzz import fuzz, process

from medcoder.errors import NotFound
from medcoder.yaml_data import parse_yaml


class Concept(BaseModel):
    slug: str
    title: str
    group: str
    summary: str
    body: str = Field(description="Markdown: headings, lists, bold, code, links and tables.")
    see_also: list[str] = []
    codes: list[str] = Field(default=[], description="ICD-10-CM / HCPCS codes the body uses.")
    aliases: list[str] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def url(self) -> str:
        return f"/concepts/{self.slug}"


class ConceptHit(BaseModel):
    slug: str
    title: str
    group: str
    summary: str
    score: float
    matched: str = Field(description="What matched: alias, title, summary or body words.")
    url: str


_STOPWORDS = frozenset(
    "a an and are as at be can code codes coding do does for from how i in is it of on or the "
    "this to use used using what when where which who why with you your my me should".split()
)
_FOLDS = (
    (re.compile(r"\bexcl(?:udes?)?\s*[-_ ]?\s*(1|one|i)\b"), "excludes1"),
    (re.compile(r"\bexcl(?:udes?)?\s*[-_ ]?\s*(2|two|ii)\b"), "excludes2"),
    (re.compile(r"\bmods?\b\.?"), "modifier"),
    (re.compile(r"\bmodifiers?\s*-\s*"), "modifier "),
    (re.compile(r"\b(?:7th|seventh)\s+char(?:acter)?s?\b"), "seventh character"),
    (re.compile(r"\bplace\s*holder\b"), "placeholder"),
    (re.compile(r"\be\s*[/&]\s*m\b"), "em"),
)
_WORD = re.compile(r"[a-z0-9]+")
_CODE_TOKEN = re.compile(r"\b[A-Za-z][0-9][0-9A-Za-z](?:\.?[0-9A-Za-z]{1,4})?\b")
# Word matches below this are incidental (one common word somewhere in a long body).
MIN_SCORE = 2.0


def fold(text: str) -> str:
    """Lower-case ``text`` and rewrite the spellings coders use into one canonical form."""
    folded = text.lower().replace("’", "'")
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return " ".join(_WORD.findall(folded))


def words(text: str) -> list[str]:
    return [word for word in fold(text).split() if word not in _STOPWORDS]


def _stem(word: str) -> str:
    # Plurals and "-ing" forms should meet their base word ("modifiers", "excludes" stay useful).
    for suffix in ("ing", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def _load() -> dict[str, Concept]:
    folder = resources.files("medcoder.codes") / "concepts"
    concepts: dict[str, Concept] = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".yaml"):
            continue
        document = parse_yaml(entry.read_text(encoding="utf-8"))
        for raw in document["concepts"]:
            concept = Concept(group=document["group"], **raw)
            if concept.slug in concepts:
                raise ValueError(f"duplicate concept slug {concept.slug!r} in {entry.name}")
            concepts[concept.slug] = concept
    return concepts


def list_concepts() -> list[Concept]:
    """Every concept, in the order of its group file and then as written."""
    return list(_load().values())


def get_concept(slug: str) -> Concept:
    """The concept with this slug, or whose title or alias the slug spells ("drug-units")."""
    concepts = _load()
    key = slug.strip().lower()
    if key in concepts:
        return concepts[key]
    # Links written elsewhere (the question bank) may use an alias as the slug.
    wanted = fold(key.replace("-", " "))
    for entry in _entries():
        if wanted and wanted in entry.phrases:
            return entry.concept
    raise NotFound("concept", slug)


class _Entry:
    """One concept's search keys, precomputed once."""

    def __init__(self, concept: Concept) -> None:
        self.concept = concept
        self.phrases = {fold(text) for text in [concept.title, concept.slug, *concept.aliases]}
        self.phrases.discard("")
        self.title_words = {_stem(word) for word in words(concept.title)}
        self.alias_words = {_stem(word) for alias in concept.aliases for word in words(alias)}
        self.summary_words = {_stem(word) for word in words(concept.summary)}
        self.body_words = {_stem(word) for word in words(concept.body)}
        self.codes = {code.replace(".", "").upper() for code in concept.codes}

    def score(self, query: str, query_words: list[str], codes: set[str]) -> tuple[float, str]:
        if query in self.phrases:
            return 100.0, "name"
        best, matched = 0.0, ""
        # A concept citing S52.521 is about S52.521A too (a 7th character added).
        shared = {
            code
            for code in codes
            for own in self.codes
            if code == own or (len(code) == 7 and code.startswith(own))
        }
        if shared:
            best, matched = 8.0 * len(shared), "codes"
        padded = f" {query} "
        for phrase in self.phrases:
            if phrase not in _STOPWORDS and f" {phrase} " in padded:
                weight = 30.0 + 4.0 * len(phrase.split())
                if weight > best:
                    best, matched = weight, f"alias {phrase!r}"
        for word in query_words:
            stem = _stem(word)
            if stem in self.title_words:
                best += 6.0
            elif stem in self.alias_words:
                best += 5.0
            elif stem in self.summary_words:
                best += 2.5
            elif stem in self.body_words:
                best += 1.0
            else:
                continue
            matched = matched or "words"
        return best, matched


@lru_cache(maxsize=1)
def _entries() -> list[_Entry]:
    return [_Entry(concept) for concept in list_concepts()]


def concept_hit(concept: Concept, score: float, matched: str) -> ConceptHit:
    return ConceptHit(
        slug=concept.slug,
        title=concept.title,
        group=concept.group,
        summary=concept.summary,
        score=round(score, 2),
        matched=matched,
        url=concept.url,
    )


def search_concepts(query: str, *, limit: int = 5) -> list[ConceptHit]:
    """Concepts matching ``query`` best first; never raises on arbitrary text (empty → [])."""
    codes = {token.replace(".", "").upper() for token in _CODE_TOKEN.findall(query)}
    # Codes match concepts through the codes they cite, not as words ("E11.22" is not "22");
    # three-character tokens stay words too, since "V28" is also the name of an HCC model.
    folded = fold(_CODE_TOKEN.sub(_unless_short, query))
    query_words = [word for word in folded.split() if word not in _STOPWORDS]
    if not (folded or codes) or limit <= 0:
        return []
    query_words = [_respell(word) for word in query_words]
    folded = " ".join(_respell(word) for word in folded.split())
    scored = []
    for entry in _entries():
        score, matched = entry.score(folded, query_words, codes)
        if score >= MIN_SCORE:
            scored.append((score, entry.concept.slug, entry.concept, matched))
    if not scored:
        scored = _fuzzy(folded)
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [
        concept_hit(concept, score, matched) for score, _slug, concept, matched in scored[:limit]
    ]


def _unless_short(match: re.Match[str]) -> str:
    token = match.group(0)
    return token if len(token.replace(".", "")) <= 3 else " "


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """Every word of the glossary, and the title and alias words misspellings are mapped to."""
    every: set[str] = set()
    names: set[str] = set()
    for entry in _entries():
        every |= entry.body_words | entry.summary_words | entry.title_words | entry.alias_words
        names |= {word for phrase in entry.phrases for word in phrase.split() if len(word) >= 5}
    return frozenset(every), tuple(sorted(names))


def _respell(word: str) -> str:
    """A misspelt word ("palceholder", "modifer") → the glossary word it is closest to."""
    every, names = _vocabulary()
    if len(word) < 5 or _stem(word) in every or word.isdigit():
        return word
    found = process.extractOne(word, names, scorer=fuzz.ratio, score_cutoff=80)
    return str(found[0]) if found else word


def _fuzzy(folded: str) -> list[tuple[float, str, Concept, str]]:
    """Misspellings ("exludes", "modifer 95"): the nearest titles and aliases, if close enough."""
    choices = {
        phrase: entry.concept
        for entry in _entries()
        for phrase in entry.phrases
        if len(phrase) >= 4  # two-letter modifiers are near everything
    }
    found = process.extract(folded, list(choices), scorer=fuzz.ratio, limit=10, score_cutoff=80)
    seen: dict[str, tuple[float, str, Concept, str]] = {}
    for phrase, similarity, _index in found:
        concept = choices[phrase]
        score = float(similarity) / 10.0
        if concept.slug not in seen or seen[concept.slug][0] < score:
            seen[concept.slug] = (score, concept.slug, concept, f"close to {phrase!r}")
    return list(seen.values())
