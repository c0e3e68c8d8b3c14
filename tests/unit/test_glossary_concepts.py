"""The glossary: its content is complete and linked, and its search finds what coders type."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcoder.codes.concepts_explain import explain
from medcoder.codes.glossary import fold, get_concept, list_concepts, search_concepts
from medcoder.codes.lookup import lookup_code
from medcoder.errors import InvalidInput, NotFound

CODE_LINK = re.compile(r"\]\(/codes/([^)]+)\)")
CONCEPT_LINK = re.compile(r"\]\(/concepts/([^)#]+)\)")
WORD = re.compile(r"\w+")

# Topics the brief names; each must have its own concept.
REQUIRED_SLUGS = [
    "nec-vs-nos",
    "punctuation-brackets-parentheses-colons",
    "code-first",
    "use-additional-code",
    "code-also",
    "excludes1",
    "excludes2",
    "includes-and-inclusion-terms",
    "seventh-character",
    "placeholder-x",
    "combination-codes",
    "sequencing-first-listed-principal",
    "poa-indicator",
    "with-and",
    "default-codes",
    "unspecified-codes",
    "signs-and-symptoms",
    "sequela-late-effects",
    "laterality",
    "etiology-manifestation",
    "cpt-sections",
    "cpt-category-ii-iii",
    "add-on-codes",
    "separate-procedure",
    "unlisted-codes",
    "global-surgical-package",
    "modifier-25",
    "modifier-59",
    "modifier-51",
    "modifier-50",
    "modifier-26-tc",
    "modifier-24",
    "modifier-57",
    "modifiers-76-77-78-79",
    "modifier-22",
    "modifiers-52-53",
    "hcpcs-level-ii-structure",
    "j-code-units",
    "hcpcs-anatomic-modifiers",
    "ga-gy-gz-modifiers",
    "kx-modifier",
    "jw-jz-modifiers",
    "ncci-ptp-edits",
    "mue-edits",
    "ncci-modifier-indicators",
    "em-medical-decision-making",
    "em-total-time",
    "risk-adjustment-raf",
    "hcc-hierarchies-v24-v28",
    "meat-documentation",
    "medical-necessity",
    "abn",
    "lookup-workflow",
    "hipaa",
    "fraud-vs-abuse",
    "cpc-exam-strategy",
    "medical-terminology",
    "anatomy",
    "medicare-payer-basics",
    "sepsis",
    "adverse-effect-vs-poisoning",
    "external-cause-codes",
    "history-codes",
    "acute-and-chronic",
]


def test_the_glossary_covers_every_topic_the_brief_names() -> None:
    slugs = [concept.slug for concept in list_concepts()]
    assert len(slugs) == len(set(slugs))
    assert len(slugs) >= 40
    assert set(REQUIRED_SLUGS) <= set(slugs)


@pytest.mark.parametrize("concept", list_concepts(), ids=lambda concept: concept.slug)
def test_each_concept_is_between_150_and_400_words_with_a_one_line_summary(concept) -> None:
    assert 150 <= len(WORD.findall(concept.body)) <= 400
    assert "\n" not in concept.summary and 20 <= len(concept.summary) <= 200


@pytest.mark.parametrize("concept", list_concepts(), ids=lambda concept: concept.slug)
def test_every_see_also_and_concept_link_points_at_a_real_concept(concept) -> None:
    assert concept.see_also, "every concept links onward"
    assert concept.slug not in concept.see_also
    for slug in concept.see_also + CONCEPT_LINK.findall(concept.body):
        get_concept(slug)


def test_every_code_a_concept_cites_or_links_is_a_real_code() -> None:
    cited = set()
    for concept in list_concepts():
        cited |= set(concept.codes) | set(CODE_LINK.findall(concept.body))
    assert len(cited) > 100
    for code in sorted(cited):
        assert lookup_code(code).code == code


def test_body_links_to_codes_are_listed_among_the_concepts_codes() -> None:
    for concept in list_concepts():
        assert set(CODE_LINK.findall(concept.body)) <= set(concept.codes), concept.slug


def test_the_excludes_concepts_use_real_notes_from_the_tabular_list() -> None:
    record = lookup_code("Z87.891").icd10
    assert record is not None
    assert "current nicotine dependence (F17.2-)" in record.excludes1
    assert "F17.2-" in get_concept("excludes1").body
    insulin = lookup_code("Z79.4").icd10
    assert insulin is not None
    assert any("Z79.84" in note for note in insulin.excludes2)
    assert "Z79.84" in get_concept("excludes2").body


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("excludes 1", "excludes1"),
        ("excludes1", "excludes1"),
        ("Excludes-2", "excludes2"),
        ("X placeholder", "placeholder-x"),
        ("mod 59", "modifier-59"),
        ("modifier -25", "modifier-25"),
        ("XS", "modifier-59"),
        ("7th char", "seventh-character"),
        ("late effects", "sequela-late-effects"),
        ("principal diagnosis", "sequencing-first-listed-principal"),
        ("V28", "hcc-hierarchies-v24-v28"),
        ("MEAT criteria", "meat-documentation"),
        ("E/M time", "em-total-time"),
        ("how do I count J code units", "j-code-units"),
        ("when do I use modifier 59?", "modifier-59"),
        ("modifer 25", "modifier-25"),
        ("palceholder x", "placeholder-x"),
    ],
)
def test_search_finds_the_concept_for_what_coders_type(query: str, slug: str) -> None:
    assert search_concepts(query, limit=5)[0].slug == slug


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("stark law", "stark-law"),
        ("oig exclusion", "oig-exclusion"),
        ("OIG exclusions", "oig-exclusion"),
        ("uncertain diagnosis", "uncertain-diagnosis"),
        ("cpt symbols", "cpt-symbols"),
    ],
)
def test_a_dedicated_page_outranks_older_pages_on_its_topic(query: str, slug: str) -> None:
    first, second = search_concepts(query, limit=2)
    assert first.slug == slug
    assert first.score > second.score  # strictly: a tie would fall back to alphabetical order


def test_no_two_concepts_share_a_name_or_alias() -> None:
    # A shared name scores 100 for both pages and the tie falls to alphabetical order.
    owners: dict[str, set[str]] = {}
    for concept in list_concepts():
        for name in [concept.title, concept.slug, *concept.aliases]:
            owners.setdefault(fold(name), set()).add(concept.slug)
    assert {name: slugs for name, slugs in owners.items() if len(slugs) > 1} == {}


def test_searching_by_a_code_finds_concepts_that_use_it() -> None:
    slugs = {hit.slug for hit in search_concepts("E11.22", limit=10)}
    assert {"use-additional-code", "combination-codes", "with-and"} <= slugs
    # "22" inside the code is not modifier 22.
    assert "modifier-22" not in slugs


def test_a_full_code_with_a_7th_character_finds_concepts_citing_its_base_code() -> None:
    assert "seventh-character" in [hit.slug for hit in search_concepts("S52.521A", limit=10)]


def test_explain_a_7th_character_code_shows_where_its_table_is_defined() -> None:
    explanation = explain("S52.521A")
    assert explanation.code is not None
    sevenths = [n for n in explanation.code.notes if n.kind == "seventh_characters"]
    assert [(n.source, n.text.split(";")[0]) for n in sevenths] == [
        ("S52.52", "A initial encounter for closed fracture")
    ]


def test_search_returns_nothing_for_empty_or_meaningless_text() -> None:
    assert search_concepts("") == []
    assert search_concepts("   ") == []
    assert search_concepts("zzqqxx") == []
    assert search_concepts("excludes1", limit=0) == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_search_never_raises_on_arbitrary_unicode(text: str) -> None:
    hits = search_concepts(text, limit=3)
    assert len(hits) <= 3


def test_explain_a_term_gives_its_concept_with_see_also_links() -> None:
    explanation = explain("excludes 1")
    assert explanation.kind == "concept"
    assert explanation.url == "/concepts/excludes1"
    assert "excludes2" in [hit.slug for hit in explanation.related]


def test_explain_a_code_gives_its_own_and_inherited_notes() -> None:
    explanation = explain("e1122")
    assert explanation.kind == "code"
    assert explanation.code is not None
    assert explanation.code.code == "E11.22"
    own = [note for note in explanation.code.notes if note.source == "E11.22"]
    assert [note.kind for note in own] == ["use_additional_code"]
    assert "N18.1-N18.6" in own[0].text
    inherited = {(note.source, note.kind) for note in explanation.code.notes}
    assert ("E11", "excludes1") in inherited
    assert "use-additional-code" in [hit.slug for hit in explanation.related]
    assert "ICD-10-CM FY2026" in explanation.body


def test_explain_a_hcpcs_code_names_its_code_set() -> None:
    explanation = explain("J1100")
    assert explanation.kind == "code"
    assert "dexamethasone" in explanation.title.lower()
    assert "HCPCS Level II January 2026" in explanation.body


def test_explain_an_unknown_term_suggests_terms_that_work() -> None:
    with pytest.raises(InvalidInput) as caught:
        explain("zzqqxx")
    assert caught.value.field == "term"
    assert caught.value.suggestions


def test_explain_an_invalid_code_names_the_nearest_codes() -> None:
    with pytest.raises(InvalidInput) as caught:
        explain("E11.99")
    assert caught.value.field == "term"
    assert caught.value.suggestions and all(s.startswith("E11") for s in caught.value.suggestions)


def test_explain_refuses_an_empty_term() -> None:
    with pytest.raises(InvalidInput):
        explain("  ")


@pytest.mark.parametrize(
    ("link", "slug"),
    [
        ("drug-units", "j-code-units"),
        ("ncci", "ncci-ptp-edits"),
        ("with", "with-and"),
        ("principal-diagnosis", "sequencing-first-listed-principal"),
        ("npi", "medicare-payer-basics"),
    ],
)
def test_links_that_spell_an_alias_as_a_slug_reach_the_concept(link: str, slug: str) -> None:
    assert get_concept(link).slug == slug


def test_an_unknown_slug_is_not_found() -> None:
    with pytest.raises(NotFound):
        get_concept("no-such-concept")
