"""The bundled OEWS May 2025 extract, read with BLS semantics."""

from __future__ import annotations

import pytest

from medcoder.errors import InvalidInput
from medcoder.wages.oews import (
    TOP_CODED_ANNUAL,
    TOP_CODED_HOURLY,
    check_occupation,
    load_oews,
    parse_estimate,
)


def test_national_medical_records_specialists_match_the_published_release() -> None:
    row = load_oews().get("29-2072", "0000000")
    assert row is not None
    assert row.value("employment") == 194_720
    assert row.value("annual_median") == 51_140
    assert row.value("annual_mean") == 56_790
    assert row.value("hourly_median") == 24.59


def test_the_extract_is_parsed_once_per_process() -> None:
    assert load_oews() is load_oews()


def test_the_extract_holds_seven_occupations() -> None:
    assert list(load_oews().occupations()) == [
        "00-0000",
        "11-9111",
        "13-1041",
        "29-2072",
        "29-9021",
        "31-9094",
        "43-3021",
    ]


def test_a_dash_means_not_released_and_never_zero() -> None:
    estimate = parse_estimate("-", "annual_median")
    assert estimate.status == "not_released"
    assert estimate.value is None


def test_an_asterisk_means_not_available() -> None:
    estimate = parse_estimate("*", "location_quotient")
    assert (estimate.status, estimate.value) == ("not_available", None)


def test_a_hash_keeps_the_top_coding_lower_bound() -> None:
    annual = parse_estimate("#", "annual_p90")
    hourly = parse_estimate("#", "hourly_p90")
    assert (annual.status, annual.value) == ("top_coded", TOP_CODED_ANNUAL)
    assert (hourly.status, hourly.value) == ("top_coded", TOP_CODED_HOURLY)
    assert TOP_CODED_ANNUAL == 239_200 and TOP_CODED_HOURLY == 115.00


def test_elmira_wages_are_not_released_while_its_employment_is() -> None:
    row = load_oews().get("29-2072", "0021300")
    assert row is not None
    assert row.estimate("annual_median").status == "not_released"
    assert row.value("employment") == 80
    assert row.footnotes["annual_median"] == "8"
    assert load_oews().footnote_text(row.footnotes["annual_median"]) == "Estimate not released."


def test_unknown_occupation_lists_the_codes_the_extract_has() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_occupation("15-1252")
    assert caught.value.field == "occupation"
    assert caught.value.allowed is not None
    assert any(code.startswith("29-2072") for code in caught.value.allowed)
