"""Every curated bank file (ours and the CPT helper's) is a valid, complete question set."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from medcoder.codes.hcpcs import hcpcs_exists
from medcoder.codes.icd10 import default_index
from medcoder.study.bank import (
    QuestionBankError,
    bank_files,
    get_question,
    load_bank,
    parse_bank_file,
    questions_by_area,
)
from medcoder.study.questions import CONTENT_AREAS

# Dotted ICD-10-CM codes (E11.9, S01.01XA) and three-character categories written as codes.
ICD_DOTTED = re.compile(r"\b[A-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}\b")
# HCPCS Level II codes: a letter A-V and four digits.
HCPCS_CODE = re.compile(r"\b[A-V][0-9]{4}\b")

OUR_MINIMUMS = {
    "medical_terminology": 20,
    "anatomy": 20,
    "icd10cm": 25,
    "hcpcs": 20,
    "coding_guidelines": 25,
    "compliance": 20,
}


def test_every_bank_file_parses_into_valid_questions_named_for_its_area() -> None:
    for entry in bank_files():
        questions = parse_bank_file(entry.name, entry.read_text(encoding="utf-8"))
        area = entry.name.removesuffix(".yaml")
        assert questions, entry.name
        assert {question.area for question in questions} == {area}
        assert all(question.id.startswith(f"{area}-") for question in questions)


def test_question_ids_are_unique_across_the_bank() -> None:
    counts = Counter(question.id for question in load_bank())
    assert [key for key, n in counts.items() if n > 1] == []


def test_all_seventeen_content_areas_have_curated_questions() -> None:
    by_area = questions_by_area()
    assert set(by_area) == set(CONTENT_AREAS)
    assert [area for area, questions in by_area.items() if not questions] == []


def test_bank_holds_at_least_three_hundred_curated_questions() -> None:
    assert len(load_bank()) >= 300


def test_non_cpt_areas_meet_their_minimum_counts() -> None:
    by_area = questions_by_area()
    assert sum(len(by_area[area]) for area in OUR_MINIMUMS) >= 120
    for area, minimum in OUR_MINIMUMS.items():
        assert len(by_area[area]) >= minimum, area


def test_every_explanation_names_why_the_answer_is_right() -> None:
    for question in load_bank():
        assert question.origin == "curated"
        assert len(question.explanation) >= 120, question.id


def _codes_mentioned(text: str) -> tuple[set[str], set[str]]:
    return set(ICD_DOTTED.findall(text)), set(HCPCS_CODE.findall(text))


def test_every_icd10_and_hcpcs_code_in_stems_options_and_links_exists() -> None:
    index = default_index()
    missing: list[str] = []
    for question in load_bank():
        icd, hcpcs = _codes_mentioned(" ".join([question.stem, *question.options]))
        for link in question.links:
            kind, _, code = link.partition(":")
            if kind == "icd10":
                icd.add(code)
            elif kind == "hcpcs":
                hcpcs.add(code)
        missing += [f"{question.id}: {code}" for code in icd if not index.exists(code)]
        missing += [f"{question.id}: {code}" for code in hcpcs if not hcpcs_exists(code)]
    assert missing == []


def test_codes_named_in_explanations_exist_too() -> None:
    index = default_index()
    missing: list[str] = []
    for question in load_bank():
        icd, hcpcs = _codes_mentioned(question.explanation)
        missing += [f"{question.id}: {code}" for code in icd if not index.exists(code)]
        missing += [f"{question.id}: {code}" for code in hcpcs if not hcpcs_exists(code)]
    assert missing == []


def test_links_use_known_prefixes() -> None:
    for question in load_bank():
        for link in question.links:
            assert link.split(":", 1)[0] in {"icd10", "hcpcs", "concept"}, (question.id, link)


def test_our_files_spread_answers_over_all_four_positions() -> None:
    by_area = questions_by_area()
    for area in OUR_MINIMUMS:
        positions = Counter(q.options.index(q.answer) for q in by_area[area])
        assert set(positions) == {0, 1, 2, 3}, area
        assert max(positions.values()) <= len(by_area[area]) / 2, area


def test_our_difficulty_mix_is_near_thirty_fifty_twenty() -> None:
    by_area = questions_by_area()
    ours = [q for area in OUR_MINIMUMS for q in by_area[area]]
    share = {level: n / len(ours) for level, n in Counter(q.difficulty for q in ours).items()}
    assert 0.2 <= share["easy"] <= 0.4
    assert 0.4 <= share["medium"] <= 0.6
    assert 0.12 <= share["hard"] <= 0.3


def test_known_question_reads_back_by_id() -> None:
    question = get_question("icd10cm-001")
    assert question.answer == "E11.22, N18.31"
    assert "E11.22" in question.links[0]


def test_a_file_whose_entry_has_the_wrong_area_is_refused() -> None:
    text = """
- id: anatomy-001
  area: hcpcs
  stem: Which bone is on the thumb side of the forearm?
  options: [Radius, Ulna, Femur, Tibia]
  answer: Radius
  explanation: The radius is lateral, on the thumb side; the ulna is medial.
  code_set_year: general
"""
    with pytest.raises(QuestionBankError, match="does not match the file"):
        parse_bank_file("anatomy.yaml", text)


def test_a_file_whose_answer_is_not_an_option_is_refused() -> None:
    text = """
- id: anatomy-001
  area: anatomy
  stem: Which bone is on the thumb side of the forearm?
  options: [Ulna, Humerus, Femur, Tibia]
  answer: Radius
  explanation: The radius is lateral, on the thumb side; the ulna is medial.
  code_set_year: general
"""
    with pytest.raises(QuestionBankError, match="answer must be exactly one"):
        parse_bank_file("anatomy.yaml", text)


def test_unknown_fields_and_badly_shaped_ids_are_refused() -> None:
    base = """
- id: {id}
  area: anatomy
  stem: Which bone is on the thumb side of the forearm?
  options: [Radius, Ulna, Femur, Tibia]
  answer: Radius
  explanation: The radius is lateral, on the thumb side; the ulna is medial.
  code_set_year: general
"""
    with pytest.raises(QuestionBankError, match="id must look like"):
        parse_bank_file("anatomy.yaml", base.format(id="anatomy-1"))
    with pytest.raises(QuestionBankError, match="unknown fields"):
        parse_bank_file("anatomy.yaml", base.format(id="anatomy-001") + "  hint: no\n")


def test_concept_links_of_our_areas_and_generated_kinds_name_real_concepts() -> None:
    from medcoder.codes.glossary import list_concepts
    from medcoder.study.generate import generate_questions

    slugs = {concept.slug for concept in list_concepts()}
    by_area = questions_by_area()
    questions = [q for area in OUR_MINIMUMS for q in by_area[area]]
    questions += generate_questions(12, seed="concepts")
    unknown = [
        (question.id, link)
        for question in questions
        for link in question.links
        if link.startswith("concept:") and link.removeprefix("concept:") not in slugs
    ]
    assert unknown == []
