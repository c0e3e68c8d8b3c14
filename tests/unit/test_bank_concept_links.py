"""Every concept link a learner can follow from the study material opens a concept page directly."""

from __future__ import annotations

from medcoder.codes.glossary import get_concept, list_concepts
from medcoder.study.bank import load_bank
from medcoder.study.decks import cards_for, list_decks
from medcoder.study.generate import GENERATION_KINDS, generate_questions


def _concept_links() -> list[tuple[str, str]]:
    sources: list[tuple[str, list[str]]] = [(q.id, q.links) for q in load_bank()]
    generated = generate_questions(2 * len(GENERATION_KINDS), seed="concept-links")
    sources += [(q.id, q.links) for q in generated]
    cards = [card for deck in list_decks() for card in cards_for(deck.name)]
    sources += [(card.id, card.links) for card in cards]
    return [
        (owner, link.removeprefix("concept:"))
        for owner, links in sources
        for link in links
        if link.startswith("concept:")
    ]


def test_every_concept_link_in_bank_decks_and_generated_questions_is_a_canonical_slug() -> None:
    slugs = {concept.slug for concept in list_concepts()}
    links = _concept_links()
    assert len(links) > 300  # the bank alone links concepts from hundreds of questions
    # An alias ("drug-units") resolves but answers with a redirect; links name the page itself.
    assert [(owner, slug) for owner, slug in links if slug not in slugs] == []


def test_old_topic_slugs_resolve_to_the_page_that_covers_them() -> None:
    assert get_concept("drug-units").slug == "j-code-units"
    assert get_concept("first-listed-diagnosis").slug == "sequencing-first-listed-principal"
