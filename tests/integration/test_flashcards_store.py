"""FSRS flashcard scheduling and lookup drills, stored on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from fsrs import Card

from medcoder.errors import InvalidInput, NotFound
from medcoder.study import drills, flashcards, progress
from tests.integration.study_fixtures import (
    START,
    FakeClock,
    StudyStore,
    make_questions,
    open_store,
)


@dataclass(frozen=True)
class SampleCard:
    id: str
    deck: str
    front: str
    back: str
    links: list[str] = field(default_factory=list)


DECK = [SampleCard(f"terms-{n}", "terms", f"prefix {n}", f"meaning {n}") for n in range(1, 31)]


@pytest.fixture
def store(database_url: str) -> Iterator[StudyStore]:
    yield from open_store(database_url)


def test_a_card_rated_good_is_due_later_than_one_rated_again(store: StudyStore) -> None:
    again = flashcards.review_card(store.session, store.user_id, DECK[0], 1, now=START)
    good = flashcards.review_card(store.session, store.user_id, DECK[1], 3, now=START)
    assert good.next_due > again.next_due > START
    # The stored state is the library's own Card, read back as such.
    stored = flashcards._states(store.session, store.user_id, [DECK[1].id])[DECK[1].id]
    assert Card.from_json(stored.state_json).due == good.next_due


def test_a_card_rated_good_twice_waits_at_least_a_day(store: StudyStore) -> None:
    first = flashcards.review_card(store.session, store.user_id, DECK[0], 3, now=START)
    second = flashcards.review_card(store.session, store.user_id, DECK[0], 3, now=first.next_due)
    assert second.interval_seconds >= 24 * 3600


def test_due_cards_offer_due_reviews_first_then_at_most_twenty_new(store: StudyStore) -> None:
    reviewed = flashcards.review_card(store.session, store.user_id, DECK[0], 1, now=START)
    later = reviewed.next_due + timedelta(seconds=1)
    due = flashcards.due_cards(store.session, store.user_id, DECK, now=later)
    assert due[0].id == DECK[0].id and not due[0].is_new
    assert len(due) == 1 + flashcards.NEW_CARDS_PER_SESSION
    summary = flashcards.deck_summary(store.session, store.user_id, "terms", DECK, now=later)
    assert (summary.cards, summary.due, summary.new) == (30, 1, 29)
    # Before its due time the reviewed card is not offered, and other users see it as new.
    assert DECK[0].id not in [
        c.id for c in flashcards.due_cards(store.session, store.user_id, DECK, now=START)
    ]
    theirs = flashcards.due_cards(store.session, store.other_user_id, DECK, now=later)
    assert theirs[0].is_new


def test_desired_retention_is_stored_per_user_and_bounded(store: StudyStore) -> None:
    assert flashcards.get_desired_retention(store.session, store.user_id) == 0.9
    flashcards.set_desired_retention(store.session, store.user_id, 0.95)
    assert flashcards.get_desired_retention(store.session, store.user_id) == 0.95
    assert flashcards.get_desired_retention(store.session, store.other_user_id) == 0.9
    with pytest.raises(InvalidInput):
        flashcards.set_desired_retention(store.session, store.user_id, 1.5)


def test_higher_retention_schedules_a_mature_card_sooner(store: StudyStore) -> None:
    flashcards.set_desired_retention(store.session, store.other_user_id, 0.97)
    intervals = []
    for user_id in (store.user_id, store.other_user_id):
        first = flashcards.review_card(store.session, user_id, DECK[0], 3, now=START)
        second = flashcards.review_card(store.session, user_id, DECK[0], 3, now=first.next_due)
        intervals.append(second.interval_seconds)
    assert intervals[1] < intervals[0]


def test_a_lookup_drill_times_the_lookup_and_accepts_a_normalised_code(
    store: StudyStore,
) -> None:
    clock = FakeClock()
    question = make_questions(1)[0].model_copy(
        update={"options": ["E11.9", "E11.8", "E10.9", "E13.9"], "answer": "E11.9"}
    )
    lookup = drills.start_lookup(
        store.session, store.user_id, question, clock=clock, normalize=str.upper
    )
    assert lookup.expected_code is None  # not revealed before the answer
    clock.advance(seconds=95)
    answered = drills.answer_lookup(
        store.session, store.user_id, lookup.id, "e11.9", clock=clock, normalize=str.upper
    )
    assert (answered.correct, answered.seconds, answered.expected_code) == (True, 95, "E11.9")
    with pytest.raises(InvalidInput):
        drills.answer_lookup(store.session, store.user_id, lookup.id, "E11.9", clock=clock)
    with pytest.raises(NotFound):
        drills.get_lookup(store.session, store.other_user_id, lookup.id)
    history = drills.drill_history(store.session, store.user_id)
    assert [p.seconds for p in history.points] == [95]
    assert history.target_seconds == 144


def test_progress_counts_streak_days_and_due_cards(store: StudyStore) -> None:
    for day in range(3):
        flashcards.review_card(
            store.session, store.user_id, DECK[day], 1, now=START + timedelta(days=day)
        )
    now = START + timedelta(days=2, hours=1)
    report = progress.study_progress(store.session, store.user_id, decks={"terms": DECK}, now=now)
    assert (report.streak.current_days, report.streak.longest_days) == (3, 3)
    assert report.cards_due == 3
    assert report.decks[0].new == 27
    assert all(area.accuracy is None for area in report.readiness)
    empty = progress.study_progress(store.session, store.other_user_id, decks={}, now=now)
    assert empty.streak.current_days == 0
