import datetime as dt

import pytest

from medcoder.codes.hcc import hcc_mappings
from medcoder.codes.hcpcs import get_hcpcs, iter_hcpcs
from medcoder.errors import InvalidInput


def _category(code: str, year: int, model: str) -> str:
    return next(m.hcc for m in hcc_mappings(code) if m.payment_year == year and m.model == model)


def test_e11_9_maps_to_hcc19_under_v24_and_hcc38_under_v28() -> None:
    assert _category("E11.9", 2026, "CMS-HCC Model V24") == "HCC19"
    assert _category("E11.9", 2026, "CMS-HCC Model V28") == "HCC38"
    labels = {m.model: m.label for m in hcc_mappings("E119") if m.payment_year == 2026}
    assert labels["CMS-HCC Model V28"] == "Diabetes with Glycemic, Unspecified, or No Complications"


def test_j44_9_maps_to_hcc111_under_v24_and_hcc280_under_v28() -> None:
    assert _category("J44.9", 2026, "CMS-HCC Model V24") == "HCC111"
    assert _category("J44.9", 2026, "CMS-HCC Model V28") == "HCC280"


def test_v24_is_absent_from_payment_year_2027() -> None:
    models_2027 = {m.model for m in hcc_mappings("E11.9") if m.payment_year == 2027}
    assert "CMS-HCC Model V24" not in models_2027
    assert "CMS-HCC Model V28" in models_2027


def test_rxhcc_categories_carry_their_labels() -> None:
    rx = [m for m in hcc_mappings("E11.9") if m.model == "RxHCC Model V08"]
    assert {m.hcc for m in rx} == {"RxHCC31"}
    assert all(m.label == "Diabetes without Complication" for m in rx)


def test_codes_outside_risk_adjustment_map_to_nothing() -> None:
    assert hcc_mappings("Z00.00") == []


def test_hcpcs_j1100_has_its_coverage_betos_and_dates() -> None:
    code = get_hcpcs("j1100")
    assert code.long_description == "Injection, dexamethasone sodium phosphate, 1 mg"
    assert code.kind == "procedure"
    assert (code.coverage, code.betos) == ("D", "O1E")
    assert code.add_date == dt.date(1982, 1, 1)
    assert code.termination_date is None
    assert code.code_set == "HCPCS Level II January 2026"


def test_terminated_hcpcs_codes_keep_their_termination_date() -> None:
    assert get_hcpcs("J1030").termination_date == dt.date(2024, 3, 31)


def test_hcpcs_modifiers_are_their_own_kind() -> None:
    assert get_hcpcs("lt").kind == "modifier"
    kinds = [code.kind for code in iter_hcpcs()]
    assert (kinds.count("procedure"), kinds.count("modifier")) == (8623, 383)


def test_unknown_hcpcs_codes_are_refused() -> None:
    with pytest.raises(InvalidInput):
        get_hcpcs("J0000")
