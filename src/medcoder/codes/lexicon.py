"""The curated lexicon (``lexicon.yaml``): what people type → the words and codes it stands for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from medcoder.codes.text import words


@dataclass(frozen=True)
class LexiconEntry:
    terms: tuple[str, ...]
    means: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[LexiconEntry, ...]
    # Stemmed word tuple of a term → its entry; longest phrases are matched first.
    by_phrase: dict[tuple[str, ...], LexiconEntry]
    longest: int
    words: frozenset[str]

    def exact(self, query_words: tuple[str, ...]) -> LexiconEntry | None:
        return self.by_phrase.get(query_words)

    def expand(self, query_words: list[str]) -> tuple[list[str], list[str]]:
        """Replace known phrases by their tabular wording; returns (words, phrases replaced)."""
        expanded: list[str] = []
        used: list[str] = []
        position = 0
        while position < len(query_words):
            for size in range(min(self.longest, len(query_words) - position), 0, -1):
                phrase = tuple(query_words[position : position + size])
                entry = self.by_phrase.get(phrase)
                if entry is not None:
                    expanded.extend(words(entry.means))
                    used.append(" ".join(phrase))
                    position += size
                    break
            else:
                expanded.append(query_words[position])
                position += 1
        return expanded, used


def lexicon_text() -> str:
    return (resources.files("medcoder.codes") / "lexicon.yaml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(lexicon_text())
    entries = tuple(
        LexiconEntry(
            terms=tuple(str(term) for term in item["terms"]),
            means=str(item["means"]),
            codes=tuple(str(code) for code in item.get("codes", [])),
        )
        for item in raw["entries"]
    )
    by_phrase: dict[tuple[str, ...], LexiconEntry] = {}
    for entry in entries:
        for term in entry.terms:
            key = tuple(words(term))
            # The first entry to claim a phrase keeps it: entries are ordered most specific first.
            if key:
                by_phrase.setdefault(key, entry)
    longest = max(len(key) for key in by_phrase)
    vocabulary = frozenset(word for phrase in by_phrase for word in phrase)
    return Lexicon(entries=entries, by_phrase=by_phrase, longest=longest, words=vocabulary)
