"""Shared helpers of the study store tests: a migrated database, a user, a movable clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from medcoder.store.engine import make_engine, make_session_factory
from medcoder.store.migrate import upgrade_to_head
from medcoder.store.tables import User
from medcoder.study.questions import Question

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class StudyStore:
    session: Session
    user_id: int
    other_user_id: int


def open_store(database_url: str) -> Iterator[StudyStore]:
    engine = make_engine(database_url)
    upgrade_to_head(engine)
    factory = make_session_factory(engine)
    with factory() as session:
        alice, bob = User(username="alice"), User(username="bob")
        session.add_all([alice, bob])
        session.commit()
        yield StudyStore(session=session, user_id=alice.id, other_user_id=bob.id)
    engine.dispose()


def make_questions(count: int, *, area: str = "icd10cm") -> list[Question]:
    """``count`` small questions whose right answer is always option B."""
    return [
        Question(
            id=f"test-{area}-{number:03d}",
            area=area,  # type: ignore[arg-type]
            stem=f"Test question number {number} about {area}?",
            options=[
                f"wrong A{number}",
                f"right B{number}",
                f"wrong C{number}",
                f"wrong D{number}",
            ],
            answer=f"right B{number}",
            explanation="Option B is right by construction; the others are wrong by construction.",
            code_set_year="general",
            links=["icd10:E11.9", "concept:excludes1"],
        )
        for number in range(1, count + 1)
    ]
