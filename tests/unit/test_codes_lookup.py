import pytest

from medcoder import lookup_code
from medcoder.errors import InvalidInput


def test_lookup_of_an_icd10_code_carries_the_record_and_hcc_mappings() -> None:
    detail = lookup_code(" e11.9 ")
    assert (detail.code, detail.kind, detail.billable) == ("E11.9", "icd10cm", True)
    assert detail.icd10 is not None and detail.icd10.block.code_range == "E08-E13"
    assert detail.code_set == "ICD-10-CM FY2026, April 1, 2026 update"
    assert {m.hcc for m in detail.hcc if m.payment_year == 2026} >= {"HCC19", "HCC38"}


def test_lookup_of_a_hcpcs_code_mentions_the_icd10_code_with_the_same_characters() -> None:
    detail = lookup_code("J1100")
    assert detail.kind == "hcpcs" and detail.hcpcs is not None
    assert detail.code_set == "HCPCS Level II January 2026"
    assert detail.also_matches == ["J11.00"]
    assert lookup_code("J11.00").kind == "icd10cm"


def test_invalid_codes_are_refused_with_the_nearest_valid_codes() -> None:
    with pytest.raises(InvalidInput) as caught:
        lookup_code("E11.99")
    assert caught.value.field == "code"
    assert caught.value.suggestions == ["E11.9"]


def test_blank_input_is_refused() -> None:
    with pytest.raises(InvalidInput):
        lookup_code("   ")
