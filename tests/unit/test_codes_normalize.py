import pytest

from medcoder.codes.normalize import compact, dotted_icd10, looks_like_code, normalize_code


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("e119", "E11.9"),
        (" E11.9 ", "E11.9"),
        ("E119", "E11.9"),
        ("e11.9", "E11.9"),
        ("s52521a", "S52.521A"),
        ("t36.0x1a", "T36.0X1A"),
        ("i10", "I10"),
        ("E1165", "E11.65"),
    ],
)
def test_icd10_codes_are_written_with_a_dot_after_the_third_character(
    typed: str, canonical: str
) -> None:
    assert normalize_code(typed) == canonical


def test_hcpcs_codes_keep_their_undotted_form() -> None:
    assert normalize_code("j1100") == "J1100"
    assert normalize_code(" a4253 ") == "A4253"


def test_a_dot_makes_an_ambiguous_code_read_as_icd10() -> None:
    # J1100 is dexamethasone in HCPCS and, dotted, an influenza code in ICD-10-CM.
    assert normalize_code("J11.00") == "J11.00"


def test_text_that_is_not_a_code_is_only_compacted() -> None:
    assert normalize_code("hello world") == "HELLOWORLD"
    assert not looks_like_code("hello")
    assert looks_like_code("e11.9")


def test_compact_and_dotted_round_trip() -> None:
    assert compact(" s52.521-a ") == "S52521A"
    assert dotted_icd10("S52521A") == "S52.521A"
    assert dotted_icd10("I10") == "I10"
