"""Short passages from the ICD-10-CM Official Guidelines, in our own words, searchable by words.

``ask`` cites them next to glossary concepts and code notes. Each passage links to the glossary
concept that explains it further (the guidelines document itself is not bundled).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, computed_field

from medcoder.codes.glossary import fold, words

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Below this a passage shares only an incidental word with the question.
MIN_SCORE = 4.0


class Guideline(BaseModel):
    ref: str
    title: str
    concept: str
    summary: str
    text: str
    keywords: list[str] = []
    release: str = ""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def url(self) -> str:
        return f"/concepts/{self.concept}"


@lru_cache(maxsize=1)
def list_guidelines() -> list[Guideline]:
    raw = (resources.files("medcoder.codes") / "guidelines.yaml").read_text(encoding="utf-8")
    document = yaml.load(raw, Loader=_YAML_LOADER)
    return [Guideline(release=document["release"], **entry) for entry in document["guidelines"]]


@lru_cache(maxsize=1)
def _keys() -> list[tuple[Guideline, frozenset[str], frozenset[str], frozenset[str]]]:
    keys = []
    for guideline in list_guidelines():
        keyword_words = frozenset(word for keyword in guideline.keywords for word in words(keyword))
        title_words = frozenset(words(guideline.title))
        text_words = frozenset(words(f"{guideline.summary} {guideline.text}"))
        keys.append((guideline, keyword_words, title_words, text_words))
    return keys


def search_guidelines(query: str, *, limit: int = 3) -> list[Guideline]:
    """Guideline passages sharing the most weighted words with ``query``; [] when none fit."""
    query_words = [word for word in fold(query).split() if word in set(words(query))]
    if not query_words or limit <= 0:
        return []
    scored = []
    for guideline, keyword_words, title_words, text_words in _keys():
        score = 0.0
        for word in query_words:
            if word in keyword_words:
                score += 4.0
            elif word in title_words:
                score += 3.0
            elif word in text_words:
                score += 1.0
        if score >= MIN_SCORE:
            scored.append((score, guideline.ref, guideline))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [guideline for _score, _ref, guideline in scored[:limit]]
