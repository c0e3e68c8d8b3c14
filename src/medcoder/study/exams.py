"""Practice exams and quizzes kept in the database: start, answer, flag, submit, review.

The server owns the clock. An attempt stores its seed, its questions (ids plus a snapshot) and a
deadline; every answer is one committed row, so an attempt resumes after the browser closes or
the server restarts. An answer that arrives after the deadline is refused, and the attempt is
submitted as it stood at the deadline. Collaborators are passed in: ``questions`` (from the
blueprint) and ``clock`` (so tests can move time).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from medcoder.errors import InvalidInput, NotFound
from medcoder.store.study_tables import StudyAnswer, StudyAttempt
from medcoder.store.tables import is_storable_id, utcnow
from medcoder.study.attempt_models import (
    AttemptKind,
    AttemptQuestion,
    AttemptResult,
    AttemptState,
    AttemptSummary,
    ReviewItem,
    as_utc,
)
from medcoder.study.blueprint import EXAM_MINUTES, EXAM_QUESTIONS, PASS_FRACTION
from medcoder.study.questions import Question
from medcoder.study.scoring import (
    check_miss_tag,
    page_links,
    passes,
    scores_by_area,
    tag_costs,
)

Clock = Callable[[], datetime]
# The real exam allows 240 minutes for 100 questions: 2.4 minutes (144 s) a question.
SECONDS_PER_QUESTION = EXAM_MINUTES * 60 / EXAM_QUESTIONS
LETTERS = "ABCD"


def start_attempt(
    session: Session,
    user_id: int,
    *,
    kind: AttemptKind,
    questions: Sequence[Question],
    seed: int,
    area: str | None = None,
    minutes: float | None = None,
    clock: Clock = utcnow,
) -> AttemptState:
    """Store a new attempt over ``questions`` with one empty answer row per question."""
    if not questions:
        raise InvalidInput("count", "an attempt needs at least one question")
    now = clock()
    allowed = minutes * 60 if minutes is not None else SECONDS_PER_QUESTION * len(questions)
    attempt = StudyAttempt(
        user_id=user_id,
        kind=kind,
        area=area,
        seed=seed,
        question_ids=json.dumps([question.id for question in questions]),
        questions_json=json.dumps([question.model_dump(mode="json") for question in questions]),
        started_at=now,
        deadline=now + timedelta(seconds=allowed),
        total=len(questions),
    )
    session.add(attempt)
    session.flush()
    for number, question in enumerate(questions, start=1):
        session.add(
            StudyAnswer(
                attempt_id=attempt.id,
                position=number,
                question_id=question.id,
                area=question.area,
                flagged=False,
                seconds_spent=0.0,
            )
        )
    session.commit()
    return attempt_state(session, user_id, attempt.id, clock=clock)


def new_seed() -> int:
    return secrets.randbelow(2**31 - 1)


def _questions(attempt: StudyAttempt) -> list[Question]:
    return [Question.model_validate(item) for item in json.loads(attempt.questions_json)]


def _answers(session: Session, attempt: StudyAttempt) -> list[StudyAnswer]:
    query = select(StudyAnswer).where(StudyAnswer.attempt_id == attempt.id)
    return list(session.scalars(query.order_by(StudyAnswer.position)))


def _finalize(session: Session, attempt: StudyAttempt, at: datetime) -> None:
    answers = _answers(session, attempt)
    attempt.correct = sum(1 for answer in answers if answer.is_correct)
    attempt.submitted_at = at
    session.commit()


def load_attempt(
    session: Session, user_id: int, attempt_id: int, *, clock: Clock = utcnow
) -> StudyAttempt:
    """The user's attempt (``NotFound`` for anyone else's), submitted if its time ran out."""
    attempt = session.get(StudyAttempt, attempt_id) if is_storable_id(attempt_id) else None
    if attempt is None or attempt.user_id != user_id:
        raise NotFound("attempt", str(attempt_id))
    deadline = as_utc(attempt.deadline)
    if attempt.submitted_at is None and clock() > deadline:
        _finalize(session, attempt, deadline)
    return attempt


def attempt_state(
    session: Session, user_id: int, attempt_id: int, *, clock: Clock = utcnow
) -> AttemptState:
    attempt = load_attempt(session, user_id, attempt_id, clock=clock)
    answers = _answers(session, attempt)
    questions = _questions(attempt)
    left = (as_utc(attempt.deadline) - clock()).total_seconds()
    return AttemptState(
        id=attempt.id,
        kind="exam" if attempt.kind == "exam" else "quiz",
        area=attempt.area,
        seed=attempt.seed,
        total=attempt.total,
        started_at=as_utc(attempt.started_at),
        deadline=as_utc(attempt.deadline),
        seconds_left=0 if attempt.submitted_at else max(0, int(left)),
        submitted=attempt.submitted_at is not None,
        answered=sum(1 for answer in answers if answer.chosen is not None),
        flagged=[answer.position for answer in answers if answer.flagged],
        questions=[
            AttemptQuestion(
                number=answer.position,
                id=question.id,
                area=question.area,
                stem=question.stem,
                options=question.options,
                chosen=answer.chosen,
                flagged=answer.flagged,
                seconds_spent=answer.seconds_spent,
            )
            for answer, question in zip(answers, questions, strict=True)
        ],
    )


def _open_answer(
    session: Session, user_id: int, attempt_id: int, number: int, clock: Clock
) -> tuple[StudyAttempt, StudyAnswer]:
    attempt = load_attempt(session, user_id, attempt_id, clock=clock)
    if attempt.submitted_at is not None:
        raise InvalidInput(
            "attempt",
            "this attempt is already submitted (time ran out or you submitted it); "
            "answers can no longer change",
        )
    if not 1 <= number <= attempt.total:
        raise InvalidInput("number", f"question number must be 1 to {attempt.total}")
    answer = session.scalars(
        select(StudyAnswer).where(
            StudyAnswer.attempt_id == attempt.id, StudyAnswer.position == number
        )
    ).one()
    return attempt, answer


def _resolve_choice(question: Question, choice: str) -> str:
    text = choice.strip()
    if len(text) == 1 and text.upper() in LETTERS:
        return question.options[LETTERS.index(text.upper())]
    if text in question.options:
        return text
    raise InvalidInput("choice", "choose one of the four options", allowed=list(LETTERS))


def _elapsed_since_last_action(session: Session, attempt: StudyAttempt, now: datetime) -> float:
    """Without a client timer, time on a question is the time since the last recorded action."""
    latest = as_utc(attempt.started_at)
    for answer in _answers(session, attempt):
        if answer.answered_at is not None:
            latest = max(latest, as_utc(answer.answered_at))
    return max(0.0, (now - latest).total_seconds())


def answer_question(
    session: Session,
    user_id: int,
    attempt_id: int,
    number: int,
    choice: str,
    *,
    seconds: float | None = None,
    clock: Clock = utcnow,
) -> AttemptState:
    """Record the option chosen for question ``number`` (a letter A–D or the option text)."""
    attempt, answer = _open_answer(session, user_id, attempt_id, number, clock)
    question = _questions(attempt)[number - 1]
    chosen = _resolve_choice(question, choice)
    now = clock()
    if seconds is None:
        seconds = _elapsed_since_last_action(session, attempt, now)
    if seconds < 0:
        raise InvalidInput("seconds", "seconds spent cannot be negative")
    answer.chosen = chosen
    answer.is_correct = chosen == question.answer
    answer.seconds_spent += seconds
    answer.answered_at = now
    session.commit()
    return attempt_state(session, user_id, attempt_id, clock=clock)


def flag_question(
    session: Session,
    user_id: int,
    attempt_id: int,
    number: int,
    *,
    flagged: bool,
    clock: Clock = utcnow,
) -> AttemptState:
    _attempt, answer = _open_answer(session, user_id, attempt_id, number, clock)
    answer.flagged = flagged
    session.commit()
    return attempt_state(session, user_id, attempt_id, clock=clock)


def submit_attempt(
    session: Session, user_id: int, attempt_id: int, *, clock: Clock = utcnow
) -> AttemptResult:
    attempt = load_attempt(session, user_id, attempt_id, clock=clock)
    if attempt.submitted_at is None:
        _finalize(session, attempt, clock())
    return attempt_result(session, user_id, attempt_id, clock=clock)


def tag_miss(
    session: Session,
    user_id: int,
    attempt_id: int,
    number: int,
    tag: str,
    *,
    clock: Clock = utcnow,
) -> AttemptResult:
    """Say why question ``number`` was missed (careless, lookup, knowledge, time)."""
    attempt = load_attempt(session, user_id, attempt_id, clock=clock)
    if attempt.submitted_at is None:
        raise InvalidInput("attempt", "submit the attempt before tagging its misses")
    checked = check_miss_tag(tag)
    answer = session.scalars(
        select(StudyAnswer).where(
            StudyAnswer.attempt_id == attempt.id, StudyAnswer.position == number
        )
    ).one_or_none()
    if answer is None:
        raise InvalidInput("number", f"question number must be 1 to {attempt.total}")
    if answer.is_correct:
        raise InvalidInput("number", f"question {number} was answered correctly")
    answer.miss_tag = checked
    session.commit()
    return attempt_result(session, user_id, attempt_id, clock=clock)


def attempt_result(
    session: Session, user_id: int, attempt_id: int, *, clock: Clock = utcnow
) -> AttemptResult:
    attempt = load_attempt(session, user_id, attempt_id, clock=clock)
    if attempt.submitted_at is None:
        raise InvalidInput("attempt", "results are shown once the attempt is submitted")
    answers = _answers(session, attempt)
    items = [
        ReviewItem(
            number=answer.position,
            question=question,
            chosen=answer.chosen,
            correct=bool(answer.is_correct),
            flagged=answer.flagged,
            seconds_spent=answer.seconds_spent,
            miss_tag=answer.miss_tag,
            links=page_links(question.links),
        )
        for answer, question in zip(answers, _questions(attempt), strict=True)
    ]
    correct = sum(1 for item in items if item.correct)
    used = sum(item.seconds_spent for item in items)
    return AttemptResult(
        id=attempt.id,
        kind="exam" if attempt.kind == "exam" else "quiz",
        area=attempt.area,
        correct=correct,
        total=attempt.total,
        score=correct / attempt.total,
        passed=passes(correct, attempt.total),
        pass_fraction=PASS_FRACTION,
        started_at=as_utc(attempt.started_at),
        submitted_at=as_utc(attempt.submitted_at),
        seconds_used=used,
        average_seconds=used / attempt.total,
        target_seconds=SECONDS_PER_QUESTION,
        by_area=scores_by_area((item.question.area, item.correct) for item in items),
        misses_by_tag=tag_costs(item.miss_tag for item in items if not item.correct),
        items=items,
    )


def list_attempts(session: Session, user_id: int, *, clock: Clock = utcnow) -> list[AttemptSummary]:
    """The user's attempts, newest first (expired ones are submitted on the way)."""
    query = select(StudyAttempt.id).where(StudyAttempt.user_id == user_id)
    ids = list(session.scalars(query.order_by(StudyAttempt.started_at.desc(), StudyAttempt.id)))
    summaries = []
    for attempt_id in ids:
        attempt = load_attempt(session, user_id, attempt_id, clock=clock)
        score = None if attempt.correct is None else attempt.correct / attempt.total
        summaries.append(
            AttemptSummary(
                id=attempt.id,
                kind="exam" if attempt.kind == "exam" else "quiz",
                area=attempt.area,
                started_at=as_utc(attempt.started_at),
                submitted_at=as_utc(attempt.submitted_at) if attempt.submitted_at else None,
                correct=attempt.correct,
                total=attempt.total,
                score=score,
                passed=None if attempt.correct is None else passes(attempt.correct, attempt.total),
            )
        )
    return summaries
