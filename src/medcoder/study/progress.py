"""The progress dashboard: readiness by content area, streaks, due cards, exam history, misses.

Readiness is the accuracy over the user's most recent answers in each area (``RECENT_ANSWERS``),
because what someone knows now matters more than their first week. A streak counts consecutive
UTC days with any activity: an answer, a flashcard review or a lookup drill.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from medcoder.store.study_tables import (
    StudyAnswer,
    StudyAttempt,
    StudyDrillLookup,
    StudyReview,
)
from medcoder.study.attempt_models import as_utc
from medcoder.study.blueprint import PASS_FRACTION
from medcoder.study.flashcards import DeckSummary, FlashCard, deck_summary
from medcoder.study.questions import CONTENT_AREAS
from medcoder.study.scoring import TagCost, tag_costs

RECENT_ANSWERS = 50


class AreaReadiness(BaseModel):
    area: str
    label: str
    answered: int
    correct: int
    accuracy: float | None
    ready: bool | None


class Streak(BaseModel):
    current_days: int
    longest_days: int
    active_days: int
    last_active: date | None


class ExamPoint(BaseModel):
    id: int
    submitted_at: datetime
    correct: int
    total: int
    score: float


class StudyProgress(BaseModel):
    readiness: list[AreaReadiness]
    streak: Streak
    decks: list[DeckSummary]
    cards_due: int
    exams: list[ExamPoint]
    pass_fraction: float
    misses_by_tag: list[TagCost]


def streak_from_days(days: Iterable[date], *, today: date) -> Streak:
    """Current run (ending today, or yesterday if today is not done yet) and the longest run."""
    active = sorted(set(days))
    longest = run = 0
    previous: date | None = None
    for day in active:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    cursor = today if today in active else today - timedelta(days=1)
    active_set = set(active)
    while cursor in active_set:
        current += 1
        cursor -= timedelta(days=1)
    return Streak(
        current_days=current,
        longest_days=longest,
        active_days=len(active),
        last_active=active[-1] if active else None,
    )


def _answered_rows(session: Session, user_id: int) -> list[StudyAnswer]:
    query = (
        select(StudyAnswer)
        .join(StudyAttempt, StudyAttempt.id == StudyAnswer.attempt_id)
        .where(StudyAttempt.user_id == user_id, StudyAnswer.answered_at.is_not(None))
        .order_by(StudyAnswer.answered_at.desc(), StudyAnswer.id.desc())
    )
    return list(session.scalars(query))


def readiness_by_area(answers: Sequence[StudyAnswer], *, recent: int) -> list[AreaReadiness]:
    """Accuracy over the newest ``recent`` answers of each area (``answers`` newest first)."""
    window: dict[str, list[bool]] = {area: [] for area in CONTENT_AREAS}
    for answer in answers:
        bucket = window.setdefault(answer.area, [])
        if len(bucket) < recent:
            bucket.append(bool(answer.is_correct))
    readiness = []
    for area, results in window.items():
        accuracy = sum(results) / len(results) if results else None
        readiness.append(
            AreaReadiness(
                area=area,
                label=CONTENT_AREAS.get(area, area),
                answered=len(results),
                correct=sum(results),
                accuracy=accuracy,
                ready=None if accuracy is None else accuracy >= PASS_FRACTION,
            )
        )
    return readiness


def _activity_days(session: Session, user_id: int, answers: Sequence[StudyAnswer]) -> set[date]:
    days = {as_utc(answer.answered_at).date() for answer in answers if answer.answered_at}
    reviews = select(StudyReview.reviewed_at).where(StudyReview.user_id == user_id)
    days |= {as_utc(moment).date() for moment in session.scalars(reviews)}
    drills = select(StudyDrillLookup.answered_at).where(
        StudyDrillLookup.user_id == user_id, StudyDrillLookup.answered_at.is_not(None)
    )
    days |= {as_utc(moment).date() for moment in session.scalars(drills) if moment}
    return days


def _exam_history(session: Session, user_id: int) -> list[ExamPoint]:
    query = (
        select(StudyAttempt)
        .where(
            StudyAttempt.user_id == user_id,
            StudyAttempt.kind == "exam",
            StudyAttempt.submitted_at.is_not(None),
        )
        .order_by(StudyAttempt.submitted_at, StudyAttempt.id)
    )
    return [
        ExamPoint(
            id=attempt.id,
            submitted_at=as_utc(attempt.submitted_at),
            correct=attempt.correct or 0,
            total=attempt.total,
            score=(attempt.correct or 0) / attempt.total,
        )
        for attempt in session.scalars(query)
        if attempt.submitted_at is not None
    ]


def _tagged_misses(session: Session, user_id: int) -> list[str | None]:
    query = (
        select(StudyAnswer.miss_tag)
        .join(StudyAttempt, StudyAttempt.id == StudyAnswer.attempt_id)
        .where(StudyAttempt.user_id == user_id, StudyAnswer.miss_tag.is_not(None))
    )
    return list(session.scalars(query))


def study_progress(
    session: Session,
    user_id: int,
    *,
    decks: Mapping[str, Sequence[FlashCard]],
    now: datetime,
    recent: int = RECENT_ANSWERS,
) -> StudyProgress:
    answers = _answered_rows(session, user_id)
    summaries = [
        deck_summary(session, user_id, name, cards, now=now) for name, cards in decks.items()
    ]
    return StudyProgress(
        readiness=readiness_by_area(answers, recent=recent),
        streak=streak_from_days(_activity_days(session, user_id, answers), today=now.date()),
        decks=summaries,
        cards_due=sum(summary.due for summary in summaries),
        exams=_exam_history(session, user_id),
        pass_fraction=PASS_FRACTION,
        misses_by_tag=tag_costs(_tagged_misses(session, user_id)),
    )
