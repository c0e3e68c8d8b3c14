"""Tables of the study app: exam and quiz attempts, answers, lookup drills, flashcard state.

Every row carries the owning user's id (directly, or through its attempt) so every query can be
scoped to the current user. An attempt keeps a snapshot of its questions, so its review page
still shows what the user saw after the question bank changes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from medcoder.store.base import Base
from medcoder.store.tables import utcnow


class StudyAttempt(Base):
    """One practice exam or quiz: its questions, seed and deadline."""

    __tablename__ = "study_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "exam" or "quiz"
    area: Mapped[str | None] = mapped_column(String(64), nullable=True)
    seed: Mapped[int] = mapped_column(Integer)
    question_ids: Mapped[str] = mapped_column(Text)  # JSON list, in exam order
    questions_json: Mapped[str] = mapped_column(Text)  # JSON snapshot of the Question models
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    deadline: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    correct: Mapped[int | None] = mapped_column(Integer, nullable=True)
    total: Mapped[int] = mapped_column(Integer)


class StudyAnswer(Base):
    """The user's state on one question of an attempt: chosen option, flag, time, miss tag."""

    __tablename__ = "study_answers"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("study_attempts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[str] = mapped_column(String(128))
    area: Mapped[str] = mapped_column(String(64))
    chosen: Mapped[str | None] = mapped_column(Text, nullable=True)
    is_correct: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    seconds_spent: Mapped[float] = mapped_column(Float, default=0.0)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    miss_tag: Mapped[str | None] = mapped_column(String(16), nullable=True)


class StudyDrillLookup(Base):
    """One timed code look-up: the scenario, what the user typed, and how long it took."""

    __tablename__ = "study_drill_lookups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(128))
    scenario: Mapped[str] = mapped_column(Text)
    expected_code: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    typed_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    is_correct: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class StudyCardState(Base):
    """The FSRS state of one flashcard for one user (the library's Card as JSON)."""

    __tablename__ = "study_card_states"
    __table_args__ = (UniqueConstraint("user_id", "card_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    card_id: Mapped[str] = mapped_column(String(128))
    deck: Mapped[str] = mapped_column(String(64), index=True)
    state_json: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StudyReview(Base):
    """One flashcard review (the library's ReviewLog as JSON), for streaks and history."""

    __tablename__ = "study_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    card_id: Mapped[str] = mapped_column(String(128))
    deck: Mapped[str] = mapped_column(String(64))
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    log_json: Mapped[str] = mapped_column(Text)


class StudyPreference(Base):
    """Per-user study settings: the desired retention FSRS schedules for."""

    __tablename__ = "study_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    desired_retention: Mapped[float] = mapped_column(Float, default=0.9)
