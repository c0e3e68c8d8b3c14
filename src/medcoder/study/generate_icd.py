"""Generated ICD-10-CM questions: condition → code, Excludes1, 7th character, billable or not.

Each builder takes a seeded ``random.Random``, picks one code, and returns a ``Question`` — or
``None`` when that code cannot give a question with exactly one right answer (too few safe
distractors), so the caller draws again. The explanation quotes the tabular text that decides the
answer and links every code it names.
"""

from __future__ import annotations

import random

from medcoder.codes.icd10 import IcdCode, get_icd10
from medcoder.study.generate_pools import (
    IcdRow,
    billable_rows,
    description_counts,
    rows_by_category,
    seventh_character_bases,
)
from medcoder.study.icd_references import covered_by_any, references_in
from medcoder.study.questions import Question

CODE_SET_YEAR = "ICD-10-CM FY2026"

# How the common 7th characters of injury categories read as an encounter in a scenario.
_ENCOUNTER_SCENARIOS = {
    "initial encounter": "while the patient is receiving active treatment for it",
    "subsequent encounter": (
        "after active treatment is complete, for routine care during healing or recovery"
    ),
    "sequela": "for a late effect: a condition that resulted from this injury",
}


_NOTE_NAMES = {
    "includes": "Includes",
    "excludes1": "Excludes1",
    "excludes2": "Excludes2",
    "code_first": "Code first",
    "use_additional_code": "Use additional code",
    "code_also": "Code also",
}


def _links(*codes: str) -> list[str]:
    return [f"icd10:{code}" for code in dict.fromkeys(codes)]


def _shuffled(options: list[str], rng: random.Random) -> list[str]:
    shuffled = list(options)
    rng.shuffle(shuffled)
    return shuffled


def _has_unique_description(row: IcdRow) -> bool:
    return description_counts()[row.description.casefold()] == 1


def _siblings(row: IcdRow, *, billable: bool | None = True) -> list[IcdRow]:
    """Other codes of the same category (billable ones by default), nearest first."""
    candidates = [
        other
        for other in rows_by_category()[row.category]
        if other.code != row.code and (billable is None or other.billable == billable)
    ]
    return sorted(candidates, key=lambda other: (-_shared_prefix(other.code, row.code), other.code))


def _shared_prefix(left: str, right: str) -> int:
    length = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        length += 1
    return length


def condition_question(rng: random.Random) -> Question | None:
    """Which code reports the condition its tabular description names."""
    answer = rng.choice(billable_rows())
    if not _has_unique_description(answer):
        return None
    wanted = answer.description.casefold()
    pool = [row for row in _siblings(answer) if row.description.casefold() != wanted][:8]
    if len(pool) < 3:
        return None
    distractors = rng.sample(pool, 3)
    record = get_icd10(answer.code)
    # Quote the note nearest the code (inherited notes run chapter → block → parent).
    notes = [
        n for n in record.inherited_notes if n.kind != "notes" and not n.text.rstrip().endswith(":")
    ]
    note_text = ""
    if notes:
        nearest = notes[-1]
        kind = _NOTE_NAMES.get(nearest.kind, nearest.kind)
        note_text = f" The {kind} note at {nearest.source} governs it: “{nearest.text}”."
    others = "; ".join(f"{row.code} is “{row.description}”" for row in distractors)
    return Question(
        id=f"gen-condition-{answer.code.lower()}",
        area="icd10cm",
        stem=f"Which ICD-10-CM code reports: {answer.description}?",
        options=_shuffled([answer.code, *(row.code for row in distractors)], rng),
        answer=answer.code,
        explanation=(
            f"The Tabular List ({record.code_set}) describes {answer.code} as "
            f"“{answer.description}”, in {record.block.code_range} {record.block.title}."
            f"{note_text} "
            f"The other options describe different conditions: {others}."
        ),
        difficulty="medium",
        code_set_year=CODE_SET_YEAR,
        links=_links(answer.code, *(row.code for row in distractors)),
        origin="generated",
    )


def _excludes1_notes(record: IcdCode) -> list[tuple[str, str]]:
    """(where the note is written, its text) for every Excludes1 note governing ``record``."""
    own = [(record.code, text) for text in record.excludes1]
    inherited = [(n.source, n.text) for n in record.inherited_notes if n.kind == "excludes1"]
    return own + inherited


def _excludes_each_other(record: IcdCode, other: IcdCode) -> bool:
    mine = [text for _, text in _excludes1_notes(record)]
    theirs = [text for _, text in _excludes1_notes(other)]
    return bool(covered_by_any(other.code, mine) or covered_by_any(record.code, theirs))


def excludes1_question(rng: random.Random) -> Question | None:
    """Which code an Excludes1 note applying to a reported code forbids together with it."""
    target = get_icd10(rng.choice(billable_rows()).code)
    notes = [(source, text) for source, text in _excludes1_notes(target) if references_in(text)]
    if not notes:
        return None
    source, note = rng.choice(notes)
    reference = rng.choice(references_in(note))
    excluded = [
        row for row in billable_rows() if reference.covers(row.code) and row.code != target.code
    ]
    if not excluded:
        return None
    answer = get_icd10(rng.choice(excluded[:50]).code)
    nearby = [row for row in billable_rows() if row.code[:1] == target.code[:1]]
    start = rng.randrange(len(nearby))
    distractors: list[IcdCode] = []
    for row in nearby[start:] + nearby[:start]:
        if len(distractors) == 3:
            break
        if row.category in {target.code[:3], answer.code[:3]}:
            continue
        candidate = get_icd10(row.code)
        if not _excludes_each_other(target, candidate):
            distractors.append(candidate)
    if len(distractors) < 3:
        return None
    return _excludes1_result(target, answer, distractors, source, note, rng)


def _excludes1_result(
    target: IcdCode,
    answer: IcdCode,
    distractors: list[IcdCode],
    source: str,
    note: str,
    rng: random.Random,
) -> Question:
    others = "; ".join(f"{d.code} “{d.description}”" for d in distractors)
    return Question(
        id=f"gen-excludes1-{target.code.lower()}",
        area="coding_guidelines",
        stem=(
            f"A coder has assigned {target.code} ({target.description}). Which of these codes does "
            "an Excludes1 note governing that code forbid reporting together with it?"
        ),
        options=_shuffled([answer.code, *(d.code for d in distractors)], rng),
        answer=answer.code,
        explanation=(
            f"The Excludes1 note at {source} reads “{note}”. {answer.code} "
            f"(“{answer.description}”) falls under it, and an Excludes1 note means the two "
            "conditions cannot be reported together (guideline I.A.12.a), unless they are "
            f"unrelated. No Excludes1 note at {target.code}, its category, block or chapter names "
            f"the other options, nor do their own notes exclude {target.code}: {others}."
        ),
        difficulty="hard",
        code_set_year=CODE_SET_YEAR,
        links=[
            *_links(target.code, answer.code, *(d.code for d in distractors)),
            "concept:excludes1",
        ],
        origin="generated",
    )


def seventh_question(rng: random.Random) -> Question | None:
    """Which 7th character fits the encounter described."""
    base = get_icd10(rng.choice(seventh_character_bases()))
    full_codes = {child.code[-1]: child.code for child in base.children if len(child.code) == 8}
    meanings = {char: base.seventh_characters[char] for char in full_codes}
    if len(meanings) < 3 or len(set(meanings.values())) != len(meanings):
        return None
    char = rng.choice(sorted(meanings))
    meaning = meanings[char]
    scenario = _ENCOUNTER_SCENARIOS.get(meaning.casefold())
    wrong = [other for other in sorted(meanings) if other != char]
    chosen = rng.sample(wrong, min(3, len(wrong)))
    options = [full_codes[char], *(full_codes[other] for other in chosen)]
    extra = ""
    if len(options) < 4:
        # Only three characters exist: add the neighbouring code with the right character.
        sibling = next(
            (s for s in _sibling_bases(base) if s[0] != base.code and s[1] + char in s[3]), None
        )
        if sibling is None:
            return None
        options.append(sibling[1] + char)
        extra = f" {sibling[1] + char} is the same encounter for “{sibling[2]}”, another condition."
    encounter = scenario or f"documented as: {meaning}"
    glossary = "; ".join(f"{c} = {meanings[c]}" for c in sorted(meanings))
    return Question(
        id=f"gen-seventh-{full_codes[char].lower()}",
        area="icd10cm",
        stem=(
            f"A patient is seen for {base.description.lower()}, {encounter}. "
            "Which code is reported?"
        ),
        options=_shuffled(options, rng),
        answer=full_codes[char],
        explanation=(
            f"Category {base.seventh_character_source} defines the 7th characters: {glossary}. "
            f"The encounter is “{meaning}”, so the code is {full_codes[char]} (guideline I.C.19.a; "
            "the placeholder X fills empty positions before the 7th character, I.A.5)."
            f"{extra}"
        ),
        difficulty="medium",
        code_set_year=CODE_SET_YEAR,
        links=[*_links(full_codes[char], base.code), "concept:seventh-character"],
        origin="generated",
    )


def _sibling_bases(base: IcdCode) -> list[tuple[str, str, str, set[str]]]:
    """(code, padded stem, description, its 7-character codes) of each sibling base."""
    if not base.path:
        return []
    parent = get_icd10(base.path[-1].code)
    found = []
    for child in parent.children:
        full = {g.code for g in get_icd10(child.code).children if len(g.code) == 8}
        if full and child.description.casefold() != base.description.casefold():
            found.append((child.code, min(full)[:-1], child.description, full))
    return found


def billable_question(rng: random.Random) -> Question | None:
    """Which of four codes is complete enough to report (the others are headers)."""
    answer = rng.choice(billable_rows())
    headers = [row for row in _siblings(answer, billable=None) if not row.billable]
    if len(headers) < 3:
        return None
    distractors = rng.sample(headers[:6], 3)
    details = []
    for row in distractors:
        record = get_icd10(row.code)
        example = record.children[0].code if record.children else "a subcode"
        details.append(f"{row.code} ({row.description}) has subdivisions such as {example}")
    return Question(
        id=f"gen-billable-{answer.code.lower()}",
        area="icd10cm",
        stem="Which of these ICD-10-CM codes is valid for reporting as written?",
        options=_shuffled([answer.code, *(row.code for row in distractors)], rng),
        answer=answer.code,
        explanation=(
            f"{answer.code} (“{answer.description}”) has no further subdivisions, so it is a "
            "complete code. Guideline I.B.3: a code is invalid if it has not been coded to the "
            "full number of characters required for that code, including the 7th character "
            f"when one applies. The others are headers: {'; '.join(details)}."
        ),
        difficulty="easy",
        code_set_year=CODE_SET_YEAR,
        links=[*_links(answer.code, *(row.code for row in distractors)), "concept:lookup-workflow"],
        origin="generated",
    )
