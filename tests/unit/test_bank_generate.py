"""Generated questions: exactly one right answer, checked against the code sets independently."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medcoder.codes.hcc import hcc_mappings
from medcoder.codes.hcpcs import get_hcpcs
from medcoder.codes.icd10 import IcdCode, get_icd10
from medcoder.errors import InvalidInput
from medcoder.study.generate import GENERATION_KINDS, generate_questions, kinds_for_area
from medcoder.study.generate_payer import NO_HCC
from medcoder.study.icd_references import covered_by_any
from medcoder.study.questions import Question

QUOTED = re.compile(r"“([^”]+)”")


def _excludes1_texts(record: IcdCode) -> list[str]:
    inherited = [note.text for note in record.inherited_notes if note.kind == "excludes1"]
    return [*record.excludes1, *inherited]


def _right_options(question: Question) -> list[str]:
    """The options the code sets themselves say are right, computed without the generator."""
    kind = question.id.split("-")[1]
    if kind == "condition":
        described = question.stem.removeprefix("Which ICD-10-CM code reports: ").removesuffix("?")
        return [o for o in question.options if get_icd10(o).description == described]
    if kind == "billable":
        return [o for o in question.options if get_icd10(o).billable]
    if kind == "excludes1":
        target = get_icd10(question.stem.split()[4])
        right = []
        for option in question.options:
            other = get_icd10(option)
            if covered_by_any(option, _excludes1_texts(target)) or covered_by_any(
                target.code, _excludes1_texts(other)
            ):
                right.append(option)
        return right
    if kind == "seventh":
        return _seventh_right(question)
    if kind == "hcpcs":
        described = question.stem.removeprefix("Which HCPCS Level II code reports: ")[:-1]
        return [o for o in question.options if get_hcpcs(o).long_description == described]
    if kind == "hcc":
        code = question.stem.split("which HCC does ")[1].split()[0]
        mapped = {
            f"{m.hcc}: {m.label}"
            for m in hcc_mappings(code)
            if m.model == "CMS-HCC Model V28" and m.payment_year == 2026
        }
        return [o for o in question.options if o in mapped or (o == NO_HCC and not mapped)]
    raise AssertionError(f"unknown kind {kind}")


_SCENARIO_MEANINGS = {
    "while the patient is receiving active treatment for it": "initial encounter",
    "after active treatment is complete, for routine care during healing or recovery": (
        "subsequent encounter"
    ),
    "for a late effect: a condition that resulted from this injury": "sequela",
}


def _seventh_right(question: Question) -> list[str]:
    body = question.stem.removeprefix("A patient is seen for ").removesuffix(
        ". Which code is reported?"
    )
    phrase = next((p for p in _SCENARIO_MEANINGS if body.endswith(f", {p}")), None)
    if phrase is not None:
        meaning = _SCENARIO_MEANINGS[phrase]
        condition = body.removesuffix(f", {phrase}")
    else:
        condition, meaning = body.split(", documented as: ")
    right = []
    for option in question.options:
        record = get_icd10(option)
        base = get_icd10(record.path[-1].code)
        if (
            base.description.lower() == condition
            and record.seventh_characters.get(option[-1], "").casefold() == meaning.casefold()
        ):
            right.append(option)
    return right


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=10**9))
def test_generated_questions_have_exactly_one_right_answer(seed: int) -> None:
    for question in generate_questions(12, seed=seed):
        assert _right_options(question) == [question.answer], question.id


@pytest.mark.parametrize("kind", GENERATION_KINDS)
def test_each_kind_has_one_right_answer_over_many_questions(kind: str) -> None:
    questions = generate_questions(15, seed=f"many-{kind}", kinds=[kind])
    assert len(questions) == 15
    for question in questions:
        assert question.id.startswith(f"gen-{kind}-")
        assert _right_options(question) == [question.answer], question.id


def test_generation_is_deterministic_for_a_seed() -> None:
    first = [q.model_dump() for q in generate_questions(18, seed=42)]
    again = [q.model_dump() for q in generate_questions(18, seed=42)]
    other = [q.model_dump() for q in generate_questions(18, seed=43)]
    assert first == again
    assert first != other


def test_generated_questions_are_distinct_valid_and_link_their_codes() -> None:
    questions = generate_questions(36, seed="links")
    assert len({q.id for q in questions}) == 36
    for question in questions:
        assert question.origin == "generated"
        assert len(set(question.options)) == 4
        if question.id.split("-")[1] == "hcpcs":
            assert f"hcpcs:{question.answer}" in question.links
        elif question.id.split("-")[1] != "hcc":
            assert f"icd10:{question.answer}" in question.links


def test_excludes1_explanations_quote_the_real_note() -> None:
    for question in generate_questions(8, seed="notes", kinds=["excludes1"]):
        target = get_icd10(question.stem.split()[4])
        note = QUOTED.findall(question.explanation)[0]
        assert note in _excludes1_texts(target), question.id


def test_condition_explanations_quote_official_descriptions_and_notes() -> None:
    for question in generate_questions(8, seed="quotes", kinds=["condition"]):
        record = get_icd10(question.answer)
        quotes = QUOTED.findall(question.explanation)
        assert quotes[0] == record.description
        note_texts = {note.text for note in record.inherited_notes}
        distractor_descriptions = {get_icd10(o).description for o in question.options}
        assert all(q in note_texts or q in distractor_descriptions for q in quotes[1:])


def test_seventh_character_explanations_list_the_categorys_real_characters() -> None:
    for question in generate_questions(8, seed="seventh", kinds=["seventh"]):
        record = get_icd10(question.answer)
        for character, meaning in record.seventh_characters.items():
            if f"{character} = " in question.explanation:
                assert f"{character} = {meaning}" in question.explanation


def test_kinds_map_to_exam_areas() -> None:
    assert kinds_for_area("icd10cm") == ["condition", "seventh", "billable"]
    assert kinds_for_area("hcpcs") == ["hcpcs"]
    assert kinds_for_area("anatomy") == []


def test_unknown_kind_is_invalid_input() -> None:
    with pytest.raises(InvalidInput) as raised:
        generate_questions(3, seed=1, kinds=["trivia"])
    assert raised.value.field == "kinds"
    assert raised.value.allowed == list(GENERATION_KINDS)
