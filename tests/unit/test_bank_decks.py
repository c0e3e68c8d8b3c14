"""Flashcard decks: sizes, stable unique ids, and code cards read from the real code sets."""

from __future__ import annotations

import pytest

from medcoder.codes.hcpcs import get_hcpcs
from medcoder.codes.icd10 import get_icd10
from medcoder.errors import InvalidInput
from medcoder.study.bank import load_bank
from medcoder.study.decks import cards_for, list_decks

MINIMUM_CARDS = {
    "terminology": 80,
    "anatomy": 40,
    "common-codes": 60,
    "guidelines": 40,
    "modifiers": 30,
}


def test_every_required_deck_exists_with_enough_cards() -> None:
    counts = {deck.name: deck.card_count for deck in list_decks()}
    for name, minimum in MINIMUM_CARDS.items():
        assert counts[name] >= minimum, name
        assert len(cards_for(name)) == counts[name]


def test_card_ids_are_unique_across_all_decks() -> None:
    ids = [card.id for deck in list_decks() for card in cards_for(deck.name)]
    assert len(ids) == len(set(ids))


def test_common_code_cards_show_the_official_descriptions() -> None:
    for card in cards_for("common-codes"):
        kind, code = card.links[0].split(":", 1)
        official = (
            get_icd10(code).description if kind == "icd10" else get_hcpcs(code).long_description
        )
        assert card.front.startswith(code)
        assert card.back.startswith(official)


def test_common_codes_deck_includes_known_codes() -> None:
    cards = {card.id: card for card in cards_for("common-codes")}
    assert cards["common-codes:e11.9"].back.startswith(
        "Type 2 diabetes mellitus without complications"
    )
    assert cards["common-codes:j1100"].back.startswith(
        "Injection, dexamethasone sodium phosphate, 1 mg"
    )


def test_question_bank_deck_has_one_card_per_curated_question() -> None:
    cards = cards_for("question-bank")
    assert len(cards) == len(load_bank())
    first = load_bank()[0]
    card = next(c for c in cards if c.id == f"question-bank:{first.id}")
    assert card.back.startswith(first.answer)
    assert all(option in card.front for option in first.options)


def test_modifier_cards_link_only_real_hcpcs_modifiers() -> None:
    for card in cards_for("modifiers"):
        for link in card.links:
            if link.startswith("hcpcs:"):
                assert get_hcpcs(link.removeprefix("hcpcs:")).kind == "modifier"


def test_unknown_deck_is_invalid_input_naming_the_decks() -> None:
    with pytest.raises(InvalidInput) as raised:
        cards_for("astrology")
    assert raised.value.field == "deck"
    assert "terminology" in (raised.value.allowed or [])
