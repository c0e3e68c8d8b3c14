"""Questions generated from the official code sets, whose answers the code sets themselves decide.

Six kinds, each a function of one chosen code and a seeded ``random.Random``:

* ``condition`` — which ICD-10-CM code reports the condition its tabular description names;
  distractors are billable codes of the same category or block whose descriptions differ.
* ``excludes1`` — which code an Excludes1 note applying to a code (at the code or one of its
  ancestors) names; distractors are nearby codes no Excludes1 note on either side names.
* ``seventh`` — which 7th character fits the encounter, built with placeholder X padding.
* ``billable`` — which of four codes is valid for reporting (the others are headers).
* ``hcpcs`` — which HCPCS Level II supply, device or drug code matches a description.
* ``hcc`` — which CMS-HCC (model V28, payment year 2026) a diagnosis code maps to, if any.

Candidate pools are built once per process from the codes core; one seed always yields the same
questions. Ids are ``gen-<kind>-<code>`` (lower case).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from medcoder.errors import InvalidInput
from medcoder.study.generate_icd import (
    billable_question,
    condition_question,
    excludes1_question,
    seventh_question,
)
from medcoder.study.generate_payer import hcc_question, hcpcs_question
from medcoder.study.questions import Question

Builder = Callable[[random.Random], Question | None]

KIND_BUILDERS: dict[str, Builder] = {
    "condition": condition_question,
    "excludes1": excludes1_question,
    "seventh": seventh_question,
    "billable": billable_question,
    "hcpcs": hcpcs_question,
    "hcc": hcc_question,
}

# The content area each kind of generated question counts towards on an exam.
KIND_AREAS: dict[str, str] = {
    "condition": "icd10cm",
    "excludes1": "coding_guidelines",
    "seventh": "icd10cm",
    "billable": "icd10cm",
    "hcpcs": "hcpcs",
    "hcc": "compliance",
}

GENERATION_KINDS: tuple[str, ...] = tuple(KIND_BUILDERS)

# A builder may decline a code (too few safe distractors); give up on a kind after this many.
_ATTEMPTS_PER_QUESTION = 40


def kinds_for_area(area: str) -> list[str]:
    """The generated kinds that count towards ``area`` (empty for areas the generator skips)."""
    return [kind for kind, kind_area in KIND_AREAS.items() if kind_area == area]


def _check_kinds(kinds: Sequence[str] | None) -> list[str]:
    if kinds is None:
        return list(GENERATION_KINDS)
    chosen = list(dict.fromkeys(kinds))
    unknown = [kind for kind in chosen if kind not in KIND_BUILDERS]
    if unknown or not chosen:
        raise InvalidInput(
            "kinds",
            f"unknown question kinds: {', '.join(unknown) or 'none given'}",
            allowed=list(GENERATION_KINDS),
        )
    return chosen


def generate_questions(
    count: int, *, seed: int | str, kinds: Sequence[str] | None = None
) -> list[Question]:
    """``count`` distinct generated questions, taking the kinds in turn; the same for one seed."""
    chosen = _check_kinds(kinds)
    if count < 0:
        raise InvalidInput("count", f"count must be zero or more, not {count}")
    rng = random.Random(f"generate:{seed}")
    questions: list[Question] = []
    seen: set[str] = set()
    exhausted: set[str] = set()
    turn = 0
    while len(questions) < count and len(exhausted) < len(chosen):
        kind = chosen[turn % len(chosen)]
        turn += 1
        if kind in exhausted:
            continue
        for _ in range(_ATTEMPTS_PER_QUESTION):
            question = KIND_BUILDERS[kind](rng)
            if question is not None and question.id not in seen:
                seen.add(question.id)
                questions.append(question)
                break
        else:
            exhausted.add(kind)
    return questions
