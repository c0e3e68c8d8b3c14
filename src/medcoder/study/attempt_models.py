"""What the exam service returns: an attempt's live state, its results and summaries."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel

from medcoder.study.questions import Question
from medcoder.study.scoring import AreaScore, PageLink, TagCost

AttemptKind = Literal["exam", "quiz"]


class AttemptQuestion(BaseModel):
    number: int
    id: str
    area: str
    stem: str
    options: list[str]
    chosen: str | None
    flagged: bool
    seconds_spent: float


class AttemptState(BaseModel):
    id: int
    kind: AttemptKind
    area: str | None
    seed: int
    total: int
    started_at: datetime
    deadline: datetime
    seconds_left: int
    submitted: bool
    answered: int
    flagged: list[int]
    questions: list[AttemptQuestion]


class ReviewItem(BaseModel):
    number: int
    question: Question
    chosen: str | None
    correct: bool
    flagged: bool
    seconds_spent: float
    miss_tag: str | None
    links: list[PageLink]


class AttemptResult(BaseModel):
    id: int
    kind: AttemptKind
    area: str | None
    correct: int
    total: int
    score: float
    passed: bool
    pass_fraction: float
    started_at: datetime
    submitted_at: datetime
    seconds_used: float
    average_seconds: float
    target_seconds: float
    by_area: list[AreaScore]
    misses_by_tag: list[TagCost]
    items: list[ReviewItem]


class AttemptSummary(BaseModel):
    id: int
    kind: AttemptKind
    area: str | None
    started_at: datetime
    submitted_at: datetime | None
    correct: int | None
    total: int
    score: float | None
    passed: bool | None


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored here is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
