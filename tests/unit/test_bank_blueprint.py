"""The exam blueprint: 100 questions in the documented mix, reproducible for a seed."""

from __future__ import annotations

from collections import Counter

import pytest

from medcoder.errors import InvalidInput
from medcoder.study.blueprint import (
    EXAM_BLUEPRINT,
    EXAM_QUESTIONS,
    GENERATED_SHARE,
    area_quotas,
    assemble_exam,
    assemble_quiz,
)
from medcoder.study.questions import CONTENT_AREAS


def test_blueprint_spreads_one_hundred_questions_over_all_seventeen_areas() -> None:
    assert sum(EXAM_BLUEPRINT.values()) == EXAM_QUESTIONS == 100
    assert list(EXAM_BLUEPRINT) == list(CONTENT_AREAS)
    surgery = [EXAM_BLUEPRINT[area] for area in CONTENT_AREAS if area.startswith("surgery_")]
    assert surgery == [6] * 6
    assert EXAM_BLUEPRINT["evaluation_management"] == 8
    assert 8 <= EXAM_BLUEPRINT["icd10cm"] <= 10


@pytest.mark.parametrize("count", [1, 17, 50, 100, 150])
def test_quotas_add_up_to_any_exam_length(count: int) -> None:
    quotas = area_quotas(count)
    assert sum(quotas.values()) == count
    for area, weight in EXAM_BLUEPRINT.items():
        assert abs(quotas[area] - count * weight / 100) < 1


def test_full_exam_has_one_hundred_distinct_questions_in_the_blueprint_mix() -> None:
    exam = assemble_exam(seed=2026)
    assert len(exam) == 100
    assert len({question.id for question in exam}) == 100
    assert Counter(question.area for question in exam) == Counter(EXAM_BLUEPRINT)


def test_exam_mixes_curated_and_generated_questions_within_the_cap() -> None:
    exam = assemble_exam(seed=7)
    generated = [q for q in exam if q.origin == "generated"]
    assert generated
    by_area = Counter(q.area for q in generated)
    for area, n in by_area.items():
        assert n <= EXAM_BLUEPRINT[area] * GENERATED_SHARE
    assert len(generated) < len(exam) - len(generated)


def test_exam_is_reproducible_for_a_seed_and_differs_between_seeds() -> None:
    first = [q.id for q in assemble_exam(seed=11)]
    assert first == [q.id for q in assemble_exam(seed=11)]
    assert first != [q.id for q in assemble_exam(seed=12)]


def test_exam_groups_questions_by_area_in_blueprint_order() -> None:
    areas = [q.area for q in assemble_exam(34, seed=3)]
    order = [area for area in CONTENT_AREAS if area in areas]
    assert list(dict.fromkeys(areas)) == order


def test_exam_length_outside_the_allowed_range_is_invalid() -> None:
    with pytest.raises(InvalidInput) as raised:
        assemble_exam(0, seed=1)
    assert raised.value.field == "count"


def test_quiz_draws_only_from_its_area_and_is_reproducible() -> None:
    quiz = assemble_quiz("anatomy", 10, seed=5)
    assert len(quiz) == 10
    assert {q.area for q in quiz} == {"anatomy"}
    assert [q.id for q in quiz] == [q.id for q in assemble_quiz("anatomy", 10, seed=5)]


def test_quiz_in_a_generated_area_can_exceed_the_curated_pool() -> None:
    quiz = assemble_quiz("hcpcs", 40, seed=9)
    assert len({q.id for q in quiz}) == 40
    assert {q.origin for q in quiz} == {"curated", "generated"}


def test_quiz_rejects_unknown_areas_and_oversized_requests() -> None:
    with pytest.raises(InvalidInput) as unknown:
        assemble_quiz("astrology", 5, seed=1)
    assert unknown.value.field == "area"
    with pytest.raises(InvalidInput) as too_many:
        assemble_quiz("anatomy", 500, seed=1)
    assert too_many.value.field == "count"
