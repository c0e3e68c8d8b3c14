"""The study app's entry points for the CLI, the API and the pages: one call per action.

Each function joins the bundled content (the blueprint's exams and quizzes, generated lookup
scenarios, flashcard decks) to the per-user services in ``exams``, ``drills``, ``flashcards``
and ``progress``. The content sources are imported lazily, so ``medcoder --help`` stays fast.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from medcoder.errors import InvalidInput, NotFound
from medcoder.store.tables import utcnow
from medcoder.study import drills, exams, flashcards, progress
from medcoder.study.attempt_models import AttemptState
from medcoder.study.blueprint import EXAM_MINUTES, EXAM_QUESTIONS
from medcoder.study.flashcards import FlashCard
from medcoder.study.questions import Question

MAX_QUIZ_QUESTIONS = 50


def _deck_name(entry: Any) -> str:
    """``list_decks()`` entries may be names or deck objects with a ``name``."""
    if isinstance(entry, str):
        return entry
    return str(getattr(entry, "name", None) or getattr(entry, "id", None) or entry)


def deck_names() -> list[str]:
    from medcoder.study.decks import list_decks

    return [_deck_name(entry) for entry in list_decks()]


def deck_cards(deck: str) -> list[FlashCard]:
    names = deck_names()
    if deck not in names:
        raise InvalidInput("deck", f"unknown deck {deck!r}", allowed=names)
    from medcoder.study.decks import cards_for

    return list(cards_for(deck))


def all_decks() -> dict[str, list[FlashCard]]:
    return {name: deck_cards(name) for name in deck_names()}


def find_card(card_id: str, deck: str | None = None) -> FlashCard:
    for name in [deck] if deck else deck_names():
        for card in deck_cards(name):
            if card.id == card_id:
                return card
    raise NotFound("card", card_id)


def exam_questions(count: int, *, seed: int) -> list[Question]:
    from medcoder.study.blueprint import assemble_exam

    return assemble_exam(count, seed=seed)


def create_exam(
    session: Session,
    user_id: int,
    *,
    count: int = EXAM_QUESTIONS,
    seed: int | None = None,
    clock: exams.Clock = utcnow,
) -> AttemptState:
    """A practice exam in the blueprint's mix; the time allowed scales with the length."""
    seed = exams.new_seed() if seed is None else seed
    questions = exam_questions(count, seed=seed)
    minutes = EXAM_MINUTES * len(questions) / EXAM_QUESTIONS
    return exams.start_attempt(
        session, user_id, kind="exam", questions=questions, seed=seed, minutes=minutes, clock=clock
    )


def create_quiz(
    session: Session,
    user_id: int,
    *,
    area: str,
    count: int = 10,
    seed: int | None = None,
    clock: exams.Clock = utcnow,
) -> AttemptState:
    if not 1 <= count <= MAX_QUIZ_QUESTIONS:
        raise InvalidInput("count", f"a quiz has 1 to {MAX_QUIZ_QUESTIONS} questions")
    from medcoder.study.blueprint import assemble_quiz

    seed = exams.new_seed() if seed is None else seed
    questions = assemble_quiz(area, count, seed=seed)
    return exams.start_attempt(
        session, user_id, kind="quiz", area=area, questions=questions, seed=seed, clock=clock
    )


def drill_question(seed: int) -> Question:
    """One generated "which code" question for a lookup drill, chosen by ``seed``."""
    from medcoder.study.generate import generate_questions

    kind = random.Random(f"drill:{seed}").choice(drills.DRILL_KINDS)
    found = generate_questions(1, seed=f"drill:{seed}", kinds=[kind])
    if not found:
        raise NotFound("drill scenario", str(seed))
    return found[0]


def start_drill(
    session: Session, user_id: int, *, seed: int | None = None, clock: exams.Clock = utcnow
) -> drills.DrillLookup:
    question = drill_question(exams.new_seed() if seed is None else seed)
    return drills.start_lookup(session, user_id, question, clock=clock)


def deck_overview(
    session: Session, user_id: int, *, now: datetime | None = None
) -> list[flashcards.DeckSummary]:
    moment = now or utcnow()
    return [
        flashcards.deck_summary(session, user_id, name, cards, now=moment)
        for name, cards in all_decks().items()
    ]


def cards_to_review(
    session: Session, user_id: int, *, deck: str | None = None, now: datetime | None = None
) -> list[flashcards.DueCard]:
    """Cards due now (then new ones) in one deck, or across every deck."""
    moment = now or utcnow()
    names = [deck] if deck else deck_names()
    due: list[flashcards.DueCard] = []
    for name in names:
        due.extend(flashcards.due_cards(session, user_id, deck_cards(name), now=moment))
    return due


def rate_card(
    session: Session,
    user_id: int,
    card_id: str,
    rating: int,
    *,
    deck: str | None = None,
    now: datetime | None = None,
    duration_ms: int | None = None,
) -> flashcards.ReviewOutcome:
    card = find_card(card_id, deck)
    return flashcards.review_card(
        session, user_id, card, rating, now=now or utcnow(), duration_ms=duration_ms
    )


def progress_for(
    session: Session, user_id: int, *, now: datetime | None = None
) -> progress.StudyProgress:
    decks: dict[str, Sequence[FlashCard]] = dict(all_decks())
    return progress.study_progress(session, user_id, decks=decks, now=now or utcnow())
