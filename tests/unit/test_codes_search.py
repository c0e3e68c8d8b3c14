"""The search contract and the ranking a coder expects, on the bundled code sets."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcoder import search_codes
from medcoder.errors import InvalidInput


def top(query: str, **options: object) -> list[str]:
    return [hit.code for hit in search_codes(query, **options)]  # type: ignore[arg-type]


def test_results_carry_the_contract_fields_in_rank_order() -> None:
    hits = search_codes("type 2 diabetes", limit=5)
    assert len(hits) == 5
    first = hits[0]
    assert (first.code, first.billable, first.code_set) == ("E11.9", True, "icd10cm")
    assert first.description == "Type 2 diabetes mellitus without complications"
    assert first.code_set_version == "ICD-10-CM FY2026, April 1, 2026 update"
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("htn", "I10"),
        ("CHF", "I50.9"),
        ("copd", "J44.9"),
        ("afib", "I48.91"),
        ("heart attack", "I21.9"),
        ("pink eye", "H10.30"),
        ("high blood pressure", "I10"),
        ("sugar diabetes", "E11.9"),
    ],
)
def test_abbreviations_and_lay_terms_find_the_code_a_coder_picks(query: str, code: str) -> None:
    assert top(query)[0] == code


def test_flu_shot_finds_the_immunization_encounter_and_the_administration_code() -> None:
    assert top("flu shot", limit=2) == ["Z23", "G0008"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("pnuemonia", "J18.9"),
        ("diabetis", "E11.9"),
        ("osteoperosis", "M81.0"),
        ("bronchitus", "J20.9"),
    ],
)
def test_misspellings_are_corrected(query: str, code: str) -> None:
    assert top(query)[0] == code


def test_plurals_match_singular_descriptions() -> None:
    assert top("kidney stones")[0] == "N20.0"
    assert top("fractures of lower end of right radius")[0].startswith("S52.5")


def test_unspecified_variants_come_first_when_nothing_more_is_said() -> None:
    assert top("ulcerative colitis")[0] == "K51.90"
    assert top("acute cystitis")[0] == "N30.00"


def test_words_after_without_do_not_answer_a_query_for_them() -> None:
    assert top("hypertensive heart disease with heart failure")[0] == "I11.0"
    assert top("hypertensive heart disease without heart failure")[0] == "I11.9"


def test_code_prefixes_list_the_code_then_its_descendants() -> None:
    codes = top("S52.5", limit=20)
    assert codes[0] == "S52.5"
    assert all(code.startswith("S52.5") for code in codes)
    assert top("e119")[0] == "E11.9"
    assert top("j1100", limit=2) == ["J1100", "J11.00"]


def test_a_half_typed_last_word_is_completed() -> None:
    assert top("heart fail")[0] == "I50.9"


def test_modifiers_are_found_by_code_and_by_words() -> None:
    assert top("LT")[0] == "LT"
    assert top("left side modifier")[0] == "LT"
    assert top("ra")[0] == "M06.9"  # the abbreviation, not the HCPCS modifier RA


def test_filters_restrict_the_results() -> None:
    assert all(hit.billable for hit in search_codes("diabetes", limit=30, billable_only=True))
    hcpcs = search_codes("injection", limit=20, code_set="hcpcs")
    assert hcpcs and all(hit.code_set == "hcpcs" for hit in hcpcs)
    chapter_nine = search_codes("pain", limit=20, chapter=9)
    assert chapter_nine and all(hit.chapter == 9 for hit in chapter_nine)


def test_hcpcs_supplies_and_drugs_are_searchable_in_plain_words() -> None:
    assert top("blood glucose test strips")[0] == "A4253"
    assert top("ceftriaxone injection")[0] == "J0696"


def test_empty_queries_return_nothing() -> None:
    assert search_codes("") == []
    assert search_codes("   ") == []
    assert search_codes("!!! ???") == []


def test_bad_limits_and_code_sets_are_refused() -> None:
    with pytest.raises(InvalidInput):
        search_codes("htn", limit=0)
    with pytest.raises(InvalidInput) as caught:
        search_codes("htn", code_set="cpt")
    assert caught.value.allowed == ["icd10cm", "hcpcs"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_search_never_raises_on_arbitrary_text(query: str) -> None:
    hits = search_codes(query, limit=5)
    assert len(hits) <= 5
    assert len({hit.code for hit in hits}) == len(hits)


def test_quality_reporting_codes_come_after_every_diagnosis_a_word_search_finds() -> None:
    hits = search_codes("family history of colon cancer", limit=20)
    codes = [hit.code for hit in hits]
    # G9998 is a quality-reporting code whose long text mentions colon cancer in passing.
    assert codes[0].startswith("Z80")
    assert "Z80.0" in codes
    if "G9998" in codes:
        assert all(code.startswith("Z") for code in codes[: codes.index("G9998")])
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_a_reporting_code_typed_as_a_code_is_still_found_first() -> None:
    assert top("G9998")[0] == "G9998"


def test_a_clause_naming_only_what_is_unspecified_ranks_as_the_plain_term() -> None:
    # "part unspecified" and "unspecified stage" add nothing to what the query says.
    assert top("diverticulitis")[0] == "K57.92"
    assert top("pressure ulcer of sacral region")[0] == "L89.159"


def test_congenital_codes_wait_for_the_query_to_say_congenital() -> None:
    assert top("kidney cysts")[0] == "N28.1"
    assert top("congenital kidney cysts")[0].startswith("Q61")
