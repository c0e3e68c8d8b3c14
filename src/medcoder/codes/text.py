"""How search text is cut into words: lower case, light stemming, and words that carry no meaning.

Queries and code descriptions go through the same functions, so "fractures" finds "fracture" and
"Colles' fracture" finds "colles fracture".
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset("a an and as at by for from in into is of on or the to with w".split())
# Words that say "nothing more is specified": codes whose extra words are only these are the
# default when the query does not say more ("pneumonia" → "Pneumonia, unspecified organism").
LIGHT_WORDS = {"unspecified": 0.3, "nos": 0.3, "without": 0.2, "site": 0.5, "organism": 0.5}
_IRREGULAR = {
    "feet": "foot",
    "teeth": "tooth",
    "children": "child",
    "women": "woman",
    "men": "man",
    # Adjective and noun forms the tabular text mixes: "hypertensive heart disease" is still
    # hypertension to a coder searching "hypertension heart disease".
    "hypertensive": "hypertension",
    "diabetic": "diabetes",
    "fractured": "fracture",
    "asthmatic": "asthma",
    "anemic": "anemia",
    "pregnant": "pregnancy",
    "obese": "obesity",
    "infected": "infection",
    "infectious": "infection",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately small English stemmer: plurals only (the code texts are terse)."""
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "ys")):
        word = word[:-1]
    mapped = _IRREGULAR.get(word)
    return stem(mapped) if mapped else word


def words(text: str) -> list[str]:
    """Lower-cased, stemmed words of ``text`` in order, stopwords removed."""
    lowered = text.lower().replace("'s ", " ").replace("\u2019s ", " ")
    return [stem(word) for word in _WORD.findall(lowered) if word not in STOPWORDS]


def weight_of_extra(word: str) -> float:
    return LIGHT_WORDS.get(word, 1.0)
