"""The curated question bank: one YAML file per CPC content area under ``study/bank/``.

Each file is a YAML list of mappings with exactly the ``Question`` fields. The bank is read once
per process (through ``importlib.resources`` so it works from a wheel) and checked as a whole:
every entry must be a valid ``Question`` whose area matches its file, ids must follow
``<area>-NNN`` and be unique across files. A broken file stops the load with a message naming the
file and the entry, rather than silently serving half a bank.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from pydantic import ValidationError

from medcoder.errors import InvalidInput, NotFound
from medcoder.study.questions import CONTENT_AREAS, Question
from medcoder.yaml_data import parse_yaml

_CURATED_ID = re.compile(r"^(?P<area>[a-z0-9_]+)-(?P<number>\d{3,})$")


class QuestionBankError(ValueError):
    """A bank YAML file that is not a list of valid, uniquely identified questions."""


def bank_root() -> Traversable:
    return resources.files("medcoder.study") / "bank"


def bank_files() -> list[Traversable]:
    """The bank's YAML files, sorted by name (one per content area that has questions so far)."""
    root = bank_root()
    if not root.is_dir():
        return []
    return sorted(
        (entry for entry in root.iterdir() if entry.name.endswith(".yaml")),
        key=lambda entry: entry.name,
    )


def parse_bank_file(name: str, text: str) -> list[Question]:
    """Validate one bank file's text; ``name`` is the file name, which fixes the area."""
    area = name.removesuffix(".yaml")
    if area not in CONTENT_AREAS:
        raise QuestionBankError(f"{name}: file name is not a content area key")
    entries: Any = parse_yaml(text)
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise QuestionBankError(f"{name}: expected a YAML list of questions")
    questions: list[Question] = []
    for position, entry in enumerate(entries, start=1):
        label = f"{name} entry {position}"
        if not isinstance(entry, dict):
            raise QuestionBankError(f"{label}: expected a mapping")
        label = f"{name} entry {position} ({entry.get('id', 'no id')})"
        unknown = set(entry) - set(Question.model_fields)
        if unknown:
            raise QuestionBankError(f"{label}: unknown fields {sorted(unknown)}")
        try:
            question = Question.model_validate(entry)
        except ValidationError as error:
            raise QuestionBankError(f"{label}: {error}") from error
        _check_curated_identity(question, area, label)
        questions.append(question)
    return questions


def _check_curated_identity(question: Question, area: str, label: str) -> None:
    if question.area != area:
        raise QuestionBankError(f"{label}: area {question.area!r} does not match the file")
    if question.origin != "curated":
        raise QuestionBankError(f"{label}: bank questions must have origin 'curated'")
    match = _CURATED_ID.match(question.id)
    if match is None or match["area"] != area:
        raise QuestionBankError(f"{label}: id must look like '{area}-NNN'")


@lru_cache(maxsize=1)
def _load_bank() -> tuple[Question, ...]:
    questions: list[Question] = []
    for entry in bank_files():
        questions.extend(parse_bank_file(entry.name, entry.read_text(encoding="utf-8")))
    duplicates = sorted(key for key, n in Counter(q.id for q in questions).items() if n > 1)
    if duplicates:
        raise QuestionBankError(f"duplicate question ids: {', '.join(duplicates)}")
    return tuple(questions)


def load_bank() -> list[Question]:
    """Every curated question, in file then file order (read and validated once per process)."""
    return list(_load_bank())


def questions_by_area() -> dict[str, list[Question]]:
    """Curated questions grouped by content area; every one of the 17 areas is a key."""
    grouped: dict[str, list[Question]] = {area: [] for area in CONTENT_AREAS}
    for question in _load_bank():
        grouped[question.area].append(question)
    return grouped


def get_question(question_id: str) -> Question:
    """One curated question by id; raises ``NotFound`` for an unknown id."""
    for question in _load_bank():
        if question.id == question_id:
            return question
    raise NotFound("question", question_id)


def check_area(area: str) -> str:
    """Return ``area`` if it is one of the 17 content area keys, else raise ``InvalidInput``."""
    if area not in CONTENT_AREAS:
        raise InvalidInput("area", f"unknown content area {area!r}", allowed=list(CONTENT_AREAS))
    return area
