"""Generated HCPCS Level II and CMS-HCC questions.

HCPCS: which supply, device, orthotic or drug code matches a long description, with distractors
from the same section whose descriptions differ. HCC: which CMS-HCC (model V28, payment year
2026) a billable diagnosis code maps to, or that it maps to none; only codes that map to exactly
one HCC (or none) are asked, so one option is right.
"""

from __future__ import annotations

import random

from medcoder.codes.icd10 import get_icd10
from medcoder.study.generate_pools import (
    HCC_MODEL,
    HCC_PAYMENT_YEAR,
    hcc_categories_near,
    hcc_categories_of,
    hcc_pools,
    hcpcs_supply_codes,
)
from medcoder.study.questions import Question

NO_HCC = "It does not map to any HCC in this model"


def _shuffled(options: list[str], rng: random.Random) -> list[str]:
    shuffled = list(options)
    rng.shuffle(shuffled)
    return shuffled


def hcpcs_question(rng: random.Random) -> Question | None:
    """Which HCPCS Level II code a long description names."""
    pool = hcpcs_supply_codes()
    index = rng.randrange(len(pool))
    answer = pool[index]
    wanted = {answer.long_description.casefold(), answer.short_description.casefold()}
    window = pool[max(0, index - 6) : index + 7]
    nearby = [
        code
        for code in window
        if code.code != answer.code
        and code.code[0] == answer.code[0]
        and code.long_description.casefold() not in wanted
        and code.short_description.casefold() not in wanted
    ]
    if len(nearby) < 3:
        return None
    distractors = rng.sample(nearby, 3)
    others = "; ".join(f"{code.code} is “{code.long_description}”" for code in distractors)
    return Question(
        id=f"gen-hcpcs-{answer.code.lower()}",
        area="hcpcs",
        stem=f"Which HCPCS Level II code reports: {answer.long_description}?",
        options=_shuffled([answer.code, *(code.code for code in distractors)], rng),
        answer=answer.code,
        explanation=(
            f"In {answer.code_set}, {answer.code} reads “{answer.long_description}” "
            f"(short form “{answer.short_description}”). The others are different items: {others}. "
            "Read the whole descriptor, including the unit of measure, before choosing a code."
        ),
        difficulty="medium",
        code_set_year="HCPCS 2026",
        links=[f"hcpcs:{answer.code}", *(f"hcpcs:{code.code}" for code in distractors)],
        origin="generated",
    )


def _label(pair: tuple[str, str]) -> str:
    return f"{pair[0]}: {pair[1]}"


def hcc_question(rng: random.Random) -> Question | None:
    """Which HCC a diagnosis code maps to in the V28 model for payment year 2026."""
    single, unmapped, every_hcc = hcc_pools()
    maps = rng.random() < 0.6
    code = rng.choice(single if maps else unmapped)
    mapped = hcc_categories_of(code)
    if len(mapped) != (1 if maps else 0):
        return None  # the pool and the published mapping disagree: ask another code
    record = get_icd10(code)
    if maps:
        right = mapped[0]
        position = every_hcc.index(right)
        neighbours = [
            pair for pair in every_hcc[max(0, position - 4) : position + 5] if pair != right
        ]
        wrong = [_label(pair) for pair in rng.sample(neighbours, 2)]
        options = [_label(right), *wrong, NO_HCC]
        answer = _label(right)
        reason = (
            f"{code} maps to {right[0]} ({right[1]}) in the mapping CMS published for this model."
        )
    else:
        near = hcc_categories_near(code)
        position = every_hcc.index(near[0]) if near else rng.randrange(len(every_hcc))
        for pair in every_hcc[max(0, position - 3) : position + 4]:
            if len(near) >= 3:
                break
            if pair not in near:
                near.append(pair)
        options = [NO_HCC, *(_label(pair) for pair in rng.sample(near, 3))]
        answer = NO_HCC
        reason = (
            f"{code} is not in the CMS diagnosis-to-HCC mapping for this model, so by itself it "
            "adds no HCC to the risk score, even though other codes of its category do map."
        )
    return Question(
        id=f"gen-hcc-{code.lower()}",
        area="compliance",
        stem=(
            f"Under the {HCC_MODEL} risk-adjustment model for payment year {HCC_PAYMENT_YEAR}, "
            f"which HCC does {code} ({record.description}) map to?"
        ),
        options=_shuffled(options, rng),
        answer=answer,
        explanation=(
            f"{reason} Every other option is wrong because a diagnosis maps only to the HCCs "
            "listed for it in the model's mapping table; this code is listed for at most one. "
            "Risk adjustment counts only diagnoses documented and supported in the record of a "
            "face-to-face (or qualifying telehealth) encounter with an acceptable provider."
        ),
        difficulty="hard",
        code_set_year=f"CMS-HCC PY{HCC_PAYMENT_YEAR}",
        links=[f"icd10:{code}", "concept:risk-adjustment-raf"],
        origin="generated",
    )
