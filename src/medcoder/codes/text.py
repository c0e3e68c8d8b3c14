"""How search text is cut into words: lower case, light stemming, and words that carry no meaning.

Queries and code descriptions go through the same functions, so "fractures" finds "fracture" and
"Colles' fracture" finds "colles fracture".
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
NEGATION = "~"
STOPWORDS = frozenset("a an and as at by for from in into is of on or the to with w".split())
# Words that say "nothing more is specified": codes whose extra words are only these are the
# default when the query does not say more ("pneumonia" → "Pneumonia, unspecified organism").
LIGHT_WORDS = {
    "unspecified": 0.3,
    "nos": 0.3,
    "without": 0.2,
    "site": 0.5,
    "organism": 0.5,
    # The Alphabetic Index defaults many unqualified conditions to their acute form.
    "acute": 0.5,
    # Dose units of HCPCS drug codes: "per 10 mg" tells the billing unit, not another drug.
    "mg": 0.2,
    "mcg": 0.2,
    "ml": 0.2,
}
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
    "menopausal": "menopause",
    "torn": "tear",
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


_CLAUSE = re.compile(r"[,;()\[\]]")


def words(text: str) -> list[str]:
    """Lower-cased, stemmed words of ``text`` in order, stopwords removed.

    Words after "without" or "unspecified as" (up to the next comma, bracket or "with") are
    marked absent with a leading ``~``: "heart disease without heart failure" must not answer a
    query for heart failure, while a query that says "without heart failure" matches it exactly.
    """
    lowered = text.lower().replace("'s ", " ").replace("\u2019s ", " ")
    found: list[str] = []
    for clause in _CLAUSE.split(lowered):
        absent = False
        for word in _WORD.findall(clause):
            if word == "without" or (
                word == "as" and found[-1:] in (["unspecified"], ["specified"])
            ):
                # "without coma"; "unspecified as acute or chronic" says neither is present.
                absent = True
                if word == "without":
                    found.append(word)
            elif word == "with":
                absent = False
            elif word not in STOPWORDS:
                found.append(NEGATION + stem(word) if absent else stem(word))
    return found


def weight_of_extra(word: str) -> float:
    """What an unmatched word of a code's text costs; absent findings cost nothing."""
    if word.startswith(NEGATION):
        return 0.0
    return LIGHT_WORDS.get(word, 1.0)
