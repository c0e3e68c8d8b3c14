"""Flashcard decks: bundled YAML decks, a deck of real codes, and cards from the question bank.

Each ``study/decks/<name>.yaml`` holds ``title``, ``description`` and ``cards`` (``front``,
``back``, optional ``links``). The common-codes deck lists only codes: the front is the code and
the back its official description, read from the code index at load time so a card can never
disagree with the code set. The question-bank deck turns every curated question into a card
(stem and options on the front, answer and explanation on the back).

Card ids are stable across edits that add or reorder cards: ``<deck>:<slug of the front>`` for
written cards, ``common-codes:<code>`` and ``question-bank:<question id>`` for derived ones. The
scheduler keys review history on them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from pydantic import BaseModel, Field

from medcoder.errors import InvalidInput
from medcoder.study.bank import load_bank
from medcoder.yaml_data import parse_yaml

COMMON_CODES_DECK = "common-codes"
QUESTION_BANK_DECK = "question-bank"
_SLUG_SEPARATORS = re.compile(r"[^a-z0-9]+")


class Card(BaseModel):
    id: str
    deck: str
    front: str = Field(min_length=1)
    back: str = Field(min_length=1)
    links: list[str] = Field(default_factory=list)


class Deck(BaseModel):
    name: str
    title: str
    description: str
    card_count: int


class DeckFileError(ValueError):
    """A deck YAML file that is not a mapping with a title, a description and cards."""


def _decks_root() -> Traversable:
    return resources.files("medcoder.study") / "decks"


def _slug(text: str, limit: int = 60) -> str:
    return _SLUG_SEPARATORS.sub("-", text.lower()).strip("-")[:limit].rstrip("-")


def _read_deck_file(entry: Traversable) -> tuple[str, dict[str, Any]]:
    name = entry.name.removesuffix(".yaml")
    data = parse_yaml(entry.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not {"title", "description", "cards"} <= set(data):
        raise DeckFileError(f"{entry.name}: needs title, description and cards")
    if not isinstance(data["cards"], list):
        raise DeckFileError(f"{entry.name}: cards must be a list")
    return name, data


def _written_cards(name: str, data: dict[str, Any]) -> list[Card]:
    if name == COMMON_CODES_DECK:
        return _code_cards(data["cards"])
    cards = []
    for position, raw in enumerate(data["cards"], start=1):
        if not isinstance(raw, dict) or not {"front", "back"} <= set(raw):
            raise DeckFileError(f"{name} card {position}: needs front and back")
        front, back = str(raw["front"]).strip(), str(raw["back"]).strip()
        cards.append(
            Card(
                id=f"{name}:{_slug(front)}",
                deck=name,
                front=front,
                back=back,
                links=list(raw.get("links", [])),
            )
        )
    return cards


def _code_cards(entries: list[Any]) -> list[Card]:
    """Front: the code; back: its official description and code set (from the index)."""
    from medcoder.codes.hcpcs import get_hcpcs
    from medcoder.codes.icd10 import get_icd10

    cards = []
    for raw in entries:
        kind, code = str(raw["code"]).split(":", 1)
        if kind == "icd10":
            icd = get_icd10(code)
            back, code_set = icd.description, icd.code_set
        else:
            hcpcs = get_hcpcs(code)
            back, code_set = hcpcs.long_description, hcpcs.code_set
        hint = f"\n\n{raw['hint']}" if raw.get("hint") else ""
        cards.append(
            Card(
                id=f"{COMMON_CODES_DECK}:{code.lower()}",
                deck=COMMON_CODES_DECK,
                front=f"{code} ({'ICD-10-CM' if kind == 'icd10' else 'HCPCS Level II'})",
                back=f"{back} ({code_set}){hint}",
                links=[f"{kind}:{code}"],
            )
        )
    return cards


def _question_bank_cards() -> list[Card]:
    cards = []
    for question in load_bank():
        options = "\n".join(f"- {option}" for option in question.options)
        cards.append(
            Card(
                id=f"{QUESTION_BANK_DECK}:{question.id}",
                deck=QUESTION_BANK_DECK,
                front=f"{question.stem}\n\n{options}",
                back=f"{question.answer}\n\n{question.explanation}",
                links=question.links,
            )
        )
    return cards


@lru_cache(maxsize=1)
def _load_decks() -> dict[str, tuple[Deck, tuple[Card, ...]]]:
    decks: dict[str, tuple[Deck, tuple[Card, ...]]] = {}
    entries = sorted(
        (e for e in _decks_root().iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name
    )
    sources: list[tuple[str, str, str, list[Card]]] = []
    for entry in entries:
        name, data = _read_deck_file(entry)
        sources.append((name, data["title"], data["description"], _written_cards(name, data)))
    sources.append(
        (
            QUESTION_BANK_DECK,
            "Question bank facts",
            "Every curated exam question as a card: answer it, then read why.",
            _question_bank_cards(),
        )
    )
    for name, title, description, cards in sources:
        duplicates = [key for key, n in Counter(card.id for card in cards).items() if n > 1]
        if duplicates:
            raise DeckFileError(f"{name}: duplicate card ids {sorted(duplicates)}")
        deck = Deck(name=name, title=title, description=description, card_count=len(cards))
        decks[name] = (deck, tuple(cards))
    return decks


def list_decks() -> list[Deck]:
    """Every deck with its title, description and number of cards."""
    return [deck for deck, _ in _load_decks().values()]


def cards_for(deck: str) -> list[Card]:
    """The cards of one deck, in file order; ``InvalidInput`` for an unknown deck."""
    decks = _load_decks()
    if deck not in decks:
        raise InvalidInput("deck", f"unknown deck {deck!r}", allowed=list(decks))
    return list(decks[deck][1])
