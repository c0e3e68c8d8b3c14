"""Export a flashcard deck to an Anki package (``.apkg``) with genanki.

Anki recognises a re-imported deck by its ids, so the model and deck ids are derived from the
deck name (the same name always gives the same ids) and each note's guid from the card id: a
re-export updates the user's cards instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from html import escape
from pathlib import Path

import genanki
from pydantic import BaseModel

from medcoder.errors import InvalidInput
from medcoder.study.flashcards import FlashCard

# Anki ids are 64-bit, but genanki's docs advise staying between 2**30 and 2**31.
_ID_LOW = 1 << 30
_ID_SPAN = 1 << 30

_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: center; }"


class AnkiExport(BaseModel):
    deck: str
    deck_id: int
    model_id: int
    notes: int
    path: str | None


def stable_id(kind: str, name: str) -> int:
    digest = hashlib.sha256(f"medcoder:{kind}:{name}".encode()).digest()
    return _ID_LOW + int.from_bytes(digest[:8], "big") % _ID_SPAN


def _model(deck: str) -> genanki.Model:
    return genanki.Model(
        stable_id("model", deck),
        f"medcoder {deck}",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
        css=_CSS,
    )


def build_package(deck: str, cards: Sequence[FlashCard]) -> genanki.Package:
    if not cards:
        raise InvalidInput("deck", f"deck {deck!r} has no cards to export")
    model = _model(deck)
    anki_deck = genanki.Deck(stable_id("deck", deck), f"medcoder::{deck}")
    for card in cards:
        anki_deck.add_note(
            genanki.Note(
                model=model,
                fields=[escape(card.front), escape(card.back)],
                guid=genanki.guid_for("medcoder", card.id),
            )
        )
    return genanki.Package(anki_deck)


def export_deck(deck: str, cards: Sequence[FlashCard], out: Path) -> AnkiExport:
    """Write ``deck`` to ``out`` as an ``.apkg`` file."""
    if out.suffix != ".apkg":
        raise InvalidInput("out", "the file name must end in .apkg")
    package = build_package(deck, cards)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        package.write_to_file(str(out))
    except OSError as error:
        raise InvalidInput("out", f"cannot write {str(out)!r}: {error.strerror}") from None
    return AnkiExport(
        deck=deck,
        deck_id=stable_id("deck", deck),
        model_id=stable_id("model", deck),
        notes=len(cards),
        path=str(out),
    )


def deck_package_bytes(deck: str, cards: Sequence[FlashCard]) -> bytes:
    """The ``.apkg`` file's bytes, for a download."""
    buffer = io.BytesIO()
    build_package(deck, cards).write_to_file(buffer)
    return buffer.getvalue()
