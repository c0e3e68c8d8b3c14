from medcoder.codes.lexicon import load_lexicon
from medcoder.codes.lookup import lookup_code


def test_every_lexicon_code_is_a_current_billable_code_or_modifier() -> None:
    problems = []
    for entry in load_lexicon().entries:
        for code in entry.codes:
            detail = lookup_code(code)
            modifier = detail.hcpcs is not None and detail.hcpcs.kind == "modifier"
            if detail.code != code or not (detail.billable or modifier):
                problems.append(code)
    assert problems == []


def test_no_phrase_is_claimed_by_two_entries() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for entry in load_lexicon().entries:
        for term in entry.terms:
            key = term.lower()
            if key in seen and seen[key] != entry.means:
                clashes.append(term)
            seen[key] = entry.means
    assert clashes == []
