"""Flashcard scheduling with FSRS (the ``fsrs`` package), per user and per card.

The library's ``Card`` is stored as JSON per user+card, its ``ReviewLog`` per review. Decks come
from ``study.decks`` and are passed in as card lists, so this module only knows the schedule.
New cards are offered up to ``NEW_CARDS_PER_SESSION`` at a time after the cards already due.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from fsrs import Card, Rating, Scheduler
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from medcoder.errors import InvalidInput
from medcoder.store.study_tables import StudyCardState, StudyPreference, StudyReview
from medcoder.study.attempt_models import as_utc
from medcoder.study.scoring import PageLink, page_links

DEFAULT_RETENTION = 0.9
RETENTION_RANGE = (0.70, 0.99)
NEW_CARDS_PER_SESSION = 20
RATINGS: dict[int, str] = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


class FlashCard(Protocol):
    """What a deck card must offer (``study.decks.Card`` does)."""

    @property
    def id(self) -> str: ...
    @property
    def deck(self) -> str: ...
    @property
    def front(self) -> str: ...
    @property
    def back(self) -> str: ...
    @property
    def links(self) -> Sequence[str]: ...


class DueCard(BaseModel):
    id: str
    deck: str
    front: str
    back: str
    links: list[PageLink]
    is_new: bool
    due: datetime | None


class DeckSummary(BaseModel):
    deck: str
    cards: int
    due: int
    new: int
    to_study: int


class ReviewOutcome(BaseModel):
    card_id: str
    deck: str
    rating: int
    rating_label: str
    reviewed_at: datetime
    next_due: datetime
    interval_seconds: float


def get_desired_retention(session: Session, user_id: int) -> float:
    preference = session.get(StudyPreference, user_id)
    return preference.desired_retention if preference else DEFAULT_RETENTION


def set_desired_retention(session: Session, user_id: int, value: float) -> float:
    low, high = RETENTION_RANGE
    if not low <= value <= high:
        raise InvalidInput("desired_retention", f"choose a retention from {low} to {high}")
    preference = session.get(StudyPreference, user_id)
    if preference is None:
        session.add(StudyPreference(user_id=user_id, desired_retention=value))
    else:
        preference.desired_retention = value
    session.commit()
    return value


def scheduler_for(desired_retention: float) -> Scheduler:
    return Scheduler(desired_retention=desired_retention)


def fsrs_card_id(card_id: str) -> int:
    """A stable integer id for the library's Card, derived from our string id."""
    return int.from_bytes(hashlib.sha256(card_id.encode()).digest()[:6], "big")


def _states(session: Session, user_id: int, card_ids: Sequence[str]) -> dict[str, StudyCardState]:
    if not card_ids:
        return {}
    query = select(StudyCardState).where(
        StudyCardState.user_id == user_id, StudyCardState.card_id.in_(list(card_ids))
    )
    return {state.card_id: state for state in session.scalars(query)}


def _due_card(card: FlashCard, state: StudyCardState | None) -> DueCard:
    return DueCard(
        id=card.id,
        deck=card.deck,
        front=card.front,
        back=card.back,
        links=page_links(list(card.links)),
        is_new=state is None,
        due=as_utc(state.due) if state else None,
    )


def due_cards(
    session: Session,
    user_id: int,
    cards: Sequence[FlashCard],
    *,
    now: datetime,
    new_limit: int = NEW_CARDS_PER_SESSION,
) -> list[DueCard]:
    """Cards to study now: those due (earliest first), then up to ``new_limit`` new ones."""
    states = _states(session, user_id, [card.id for card in cards])
    due = [card for card in cards if card.id in states and as_utc(states[card.id].due) <= now]
    due.sort(key=lambda card: as_utc(states[card.id].due))
    new = [card for card in cards if card.id not in states][:new_limit]
    return [_due_card(card, states.get(card.id)) for card in due + new]


def deck_summary(
    session: Session, user_id: int, deck: str, cards: Sequence[FlashCard], *, now: datetime
) -> DeckSummary:
    states = _states(session, user_id, [card.id for card in cards])
    due = sum(1 for state in states.values() if as_utc(state.due) <= now)
    new = len(cards) - len(states)
    return DeckSummary(
        deck=deck,
        cards=len(cards),
        due=due,
        new=new,
        to_study=due + min(new, NEW_CARDS_PER_SESSION),
    )


def review_card(
    session: Session,
    user_id: int,
    card: FlashCard,
    rating: int,
    *,
    now: datetime,
    duration_ms: int | None = None,
) -> ReviewOutcome:
    """Rate ``card`` (1 Again, 2 Hard, 3 Good, 4 Easy) and store its next FSRS state."""
    if rating not in RATINGS:
        raise InvalidInput("rating", "rate 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
    scheduler = scheduler_for(get_desired_retention(session, user_id))
    state = _states(session, user_id, [card.id]).get(card.id)
    current = Card.from_json(state.state_json) if state else Card(card_id=fsrs_card_id(card.id))
    updated, log = scheduler.review_card(
        current, Rating(rating), review_datetime=now, review_duration=duration_ms
    )
    next_due = as_utc(updated.due)
    if state is None:
        session.add(
            StudyCardState(
                user_id=user_id,
                card_id=card.id,
                deck=card.deck,
                state_json=updated.to_json(),
                due=next_due,
                updated_at=now,
            )
        )
    else:
        state.state_json = updated.to_json()
        state.due = next_due
        state.updated_at = now
    session.add(
        StudyReview(
            user_id=user_id,
            card_id=card.id,
            deck=card.deck,
            rating=rating,
            reviewed_at=now,
            log_json=log.to_json(),
        )
    )
    session.commit()
    return ReviewOutcome(
        card_id=card.id,
        deck=card.deck,
        rating=rating,
        rating_label=RATINGS[rating],
        reviewed_at=now,
        next_due=next_due,
        interval_seconds=(next_due - now).total_seconds(),
    )
