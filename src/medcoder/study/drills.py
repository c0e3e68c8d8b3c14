"""Timed lookup drills: find the code for a short scenario, as on the open-book exam.

A scenario comes from a generated "which code" question (its options hidden): the user looks the
code up in the code browser and types it. The server times the lookup from when it handed out
the scenario, checks the typed code after normalising it (``e119`` counts as ``E11.9``), and
keeps the seconds, so the user can watch their speed approach the exam's 2.4 minutes a question.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from statistics import median

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from medcoder.errors import InvalidInput, NotFound
from medcoder.store.study_tables import StudyDrillLookup
from medcoder.store.tables import is_storable_id, utcnow
from medcoder.study.attempt_models import as_utc
from medcoder.study.exams import SECONDS_PER_QUESTION, Clock
from medcoder.study.questions import Question

# Generated kinds whose answer is a single code the user can find in the code browser.
DRILL_KINDS = ("condition", "hcpcs")
Normalizer = Callable[[str], str]


class DrillLookup(BaseModel):
    id: int
    question_id: str
    scenario: str
    started_at: datetime
    answered: bool
    typed_code: str | None
    expected_code: str | None  # revealed once answered
    correct: bool | None
    seconds: float | None
    target_seconds: float


class DrillPoint(BaseModel):
    number: int
    answered_at: datetime
    seconds: float
    correct: bool


class DrillHistory(BaseModel):
    points: list[DrillPoint]
    target_seconds: float
    median_seconds: float | None
    recent_median_seconds: float | None
    correct_share: float | None


def default_normalizer(text: str) -> str:
    from medcoder.codes.normalize import normalize_code

    return normalize_code(text)


def expected_code(question: Question, normalize: Normalizer = default_normalizer) -> str:
    """The code a "which code" question's answer names (its first word, normalised)."""
    words = question.answer.split()
    if not words:
        raise InvalidInput("question", f"question {question.id} has no code answer")
    return normalize(words[0].rstrip(":,;"))


def scenario_text(question: Question) -> str:
    return question.stem


def _public(row: StudyDrillLookup) -> DrillLookup:
    answered = row.answered_at is not None
    return DrillLookup(
        id=row.id,
        question_id=row.question_id,
        scenario=row.scenario,
        started_at=as_utc(row.started_at),
        answered=answered,
        typed_code=row.typed_code,
        expected_code=row.expected_code if answered else None,
        correct=row.is_correct,
        seconds=row.seconds,
        target_seconds=SECONDS_PER_QUESTION,
    )


def start_lookup(
    session: Session,
    user_id: int,
    question: Question,
    *,
    clock: Clock = utcnow,
    normalize: Normalizer = default_normalizer,
) -> DrillLookup:
    row = StudyDrillLookup(
        user_id=user_id,
        question_id=question.id,
        scenario=scenario_text(question),
        expected_code=expected_code(question, normalize),
        started_at=clock(),
    )
    session.add(row)
    session.commit()
    return _public(row)


def _load(session: Session, user_id: int, lookup_id: int) -> StudyDrillLookup:
    row = session.get(StudyDrillLookup, lookup_id) if is_storable_id(lookup_id) else None
    if row is None or row.user_id != user_id:
        raise NotFound("lookup", str(lookup_id))
    return row


def get_lookup(session: Session, user_id: int, lookup_id: int) -> DrillLookup:
    return _public(_load(session, user_id, lookup_id))


def answer_lookup(
    session: Session,
    user_id: int,
    lookup_id: int,
    typed: str,
    *,
    clock: Clock = utcnow,
    normalize: Normalizer = default_normalizer,
) -> DrillLookup:
    """Check the typed code and record how many seconds the lookup took."""
    row = _load(session, user_id, lookup_id)
    if row.answered_at is not None:
        raise InvalidInput("lookup", "this lookup is already answered; start a new one")
    if not typed.strip():
        raise InvalidInput("code", "type the code you found")
    if not typed.isprintable():
        # Control characters are never part of a code, and PostgreSQL cannot store NUL in text.
        raise InvalidInput("code", "contains a control character; type a code such as E11.9")
    now = clock()
    row.typed_code = normalize(typed)
    row.is_correct = row.typed_code == row.expected_code
    row.seconds = max(0.0, (now - as_utc(row.started_at)).total_seconds())
    row.answered_at = now
    session.commit()
    return _public(row)


def drill_history(session: Session, user_id: int, *, recent: int = 10) -> DrillHistory:
    """Seconds per answered lookup, oldest first, with the exam's per-question target."""
    query = (
        select(StudyDrillLookup)
        .where(StudyDrillLookup.user_id == user_id, StudyDrillLookup.answered_at.is_not(None))
        .order_by(StudyDrillLookup.answered_at, StudyDrillLookup.id)
    )
    points = [
        DrillPoint(
            number=number,
            answered_at=as_utc(row.answered_at),
            seconds=row.seconds or 0.0,
            correct=bool(row.is_correct),
        )
        for number, row in enumerate(session.scalars(query), start=1)
        if row.answered_at is not None
    ]
    seconds = [point.seconds for point in points]
    return DrillHistory(
        points=points,
        target_seconds=SECONDS_PER_QUESTION,
        median_seconds=median(seconds) if seconds else None,
        recent_median_seconds=median(seconds[-recent:]) if seconds else None,
        correct_share=sum(point.correct for point in points) / len(points) if points else None,
    )
