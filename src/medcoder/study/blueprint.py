"""The CPC exam blueprint and the assembly of practice exams and quizzes from it.

The mix (100 questions over the 17 content areas)
-------------------------------------------------

AAPC publishes the format (100 multiple-choice questions, 4 hours, 70 % to pass, "17 areas of
knowledge") but not a per-area count; see ``data/raw/cpc_exam/CPC_EXAM_FACTS.md``. The counts
below are our assumption, built from:

* one prep site's 2026 blueprint showing about 6 questions per CPT surgery series (6 x 6 = 36);
* AAPC's statement that most questions are coding scenarios, so the code-set areas carry the
  weight: E/M 8 (the most reported services), anesthesia, radiology, pathology/laboratory and
  medicine 6 each;
* the knowledge areas smaller: terminology 4, anatomy 4, HCPCS Level II 4, compliance 4,
  coding guidelines 6 (guideline questions also hide inside many scenario questions);
* ICD-10-CM 10, because every scenario also needs a diagnosis code.

The total is checked to be 100. For another exam length the counts are scaled by the largest
remainder method, so a 50-question exam keeps the same proportions.

Assembly
--------

An exam draws, per area, its quota from the curated bank plus (for the areas the generator
covers: ICD-10-CM, HCPCS Level II, coding guidelines, compliance) questions generated from the
official code sets, at most ``GENERATED_SHARE`` of the area's quota so curated scenarios stay the
majority. If an area has too few questions, the shortfall moves to the areas with spare
questions, in blueprint order. Questions come out grouped by area in blueprint order (as the real
exam groups them by section), shuffled within an area. Everything is drawn from a
``random.Random`` seeded with the caller's seed, so one seed always gives the same exam.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from medcoder.errors import InvalidInput
from medcoder.study.bank import check_area, questions_by_area
from medcoder.study.questions import CONTENT_AREAS, Question

EXAM_QUESTIONS = 100
EXAM_MINUTES = 240
PASS_FRACTION = 0.70
MAX_EXAM_QUESTIONS = 300

EXAM_BLUEPRINT: dict[str, int] = {
    "surgery_10000": 6,
    "surgery_20000": 6,
    "surgery_30000": 6,
    "surgery_40000": 6,
    "surgery_50000": 6,
    "surgery_60000": 6,
    "evaluation_management": 8,
    "anesthesia": 6,
    "radiology": 6,
    "pathology_laboratory": 6,
    "medicine": 6,
    "medical_terminology": 4,
    "anatomy": 4,
    "icd10cm": 10,
    "hcpcs": 4,
    "coding_guidelines": 6,
    "compliance": 4,
}
assert sum(EXAM_BLUEPRINT.values()) == EXAM_QUESTIONS
assert list(EXAM_BLUEPRINT) == list(CONTENT_AREAS)

# At most this share of an area's quota comes from the generator.
GENERATED_SHARE = 0.5


def area_quotas(count: int, blueprint: Mapping[str, int] = EXAM_BLUEPRINT) -> dict[str, int]:
    """Split ``count`` questions over the areas in the blueprint's proportions.

    Uses the largest remainder method, so the parts always add up to ``count``.
    """
    total = sum(blueprint.values())
    exact = {area: count * weight / total for area, weight in blueprint.items()}
    quotas = {area: math.floor(share) for area, share in exact.items()}
    left = count - sum(quotas.values())
    by_remainder = sorted(blueprint, key=lambda area: (-(exact[area] - quotas[area]), area))
    for area in by_remainder[:left]:
        quotas[area] += 1
    return quotas


def _generated_pool(area: str, count: int, seed: int | str) -> list[Question]:
    if count <= 0:
        return []
    from medcoder.study.generate import kinds_for_area

    kinds = kinds_for_area(area)
    if not kinds:
        return []
    from medcoder.study.generate import generate_questions

    return generate_questions(count, seed=f"{seed}:{area}", kinds=kinds)


def _draw_area(
    area: str, quota: int, curated: list[Question], rng: random.Random, seed: int | str
) -> list[Question]:
    """Up to ``quota`` questions for one area, ordered so taking a prefix keeps the mix."""
    # The generator fills in too when the curated bank alone cannot cover the quota.
    generated_cap = max(math.floor(quota * GENERATED_SHARE), quota - len(curated))
    generated = _generated_pool(area, generated_cap, seed)
    curated_take = rng.sample(curated, min(len(curated), quota - len(generated)))
    chosen = curated_take + generated
    rng.shuffle(chosen)
    # Spare curated questions go last, for other areas' shortfalls to be made up from.
    spare = [question for question in curated if question not in curated_take]
    rng.shuffle(spare)
    return chosen + spare


def assemble_exam(count: int = EXAM_QUESTIONS, *, seed: int | str) -> list[Question]:
    """A practice exam of ``count`` questions in the blueprint's mix, the same for the same seed."""
    if not 1 <= count <= MAX_EXAM_QUESTIONS:
        raise InvalidInput("count", f"an exam has 1 to {MAX_EXAM_QUESTIONS} questions, not {count}")
    rng = random.Random(f"exam:{seed}")
    quotas = area_quotas(count)
    bank = questions_by_area()
    pools = {area: _draw_area(area, quotas[area], bank[area], rng, seed) for area in EXAM_BLUEPRINT}
    taken = {area: min(quotas[area], len(pools[area])) for area in EXAM_BLUEPRINT}
    shortfall = count - sum(taken.values())
    while shortfall > 0:
        spare_areas = [area for area in EXAM_BLUEPRINT if taken[area] < len(pools[area])]
        if not spare_areas:
            raise InvalidInput(
                "count", f"the bank holds only {sum(taken.values())} questions for an exam"
            )
        # Give the next question to the area furthest below its blueprint weight.
        area = min(spare_areas, key=lambda a: taken[a] / EXAM_BLUEPRINT[a])
        taken[area] += 1
        shortfall -= 1
    return [question for area in EXAM_BLUEPRINT for question in pools[area][: taken[area]]]


def assemble_quiz(area: str, count: int, *, seed: int | str) -> list[Question]:
    """A short quiz of ``count`` questions from one area (curated plus generated), by seed."""
    check_area(area)
    if count < 1:
        raise InvalidInput("count", f"a quiz needs at least one question, not {count}")
    rng = random.Random(f"quiz:{area}:{seed}")
    pool = _draw_area(area, count, questions_by_area()[area], rng, seed)
    if len(pool) < count:
        raise InvalidInput(
            "count", f"area {area!r} has only {len(pool)} questions; ask for at most that many"
        )
    return pool[:count]
