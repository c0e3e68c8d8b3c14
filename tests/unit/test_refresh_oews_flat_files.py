"""Rebuilding the OEWS extract from BLS flat files (a sample in their exact format)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from medcoder.errors import InvalidInput
from medcoder.sources import data_file
from medcoder.wages.oews import parse_estimate
from medcoder.wages.refresh import SeriesId, build_extract, format_value, refresh_extract

SAMPLE = Path(__file__).parent.parent / "fixtures" / "oews_flat"


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\r\n") if line]


def test_series_ids_unpack_as_bls_documents() -> None:
    series = SeriesId.parse("OEUM001446000000029207213")
    assert (series.area_type, series.area_code, series.industry_code) == ("M", "0014460", "000000")
    assert (series.soc_code, series.datatype) == ("29-2072", 13)


def test_refresh_reproduces_the_bundled_rows_for_the_sample_series() -> None:
    bundled = _lines(data_file("oews_may2025").read_bytes().decode("utf-8"))
    rebuilt = _lines(build_extract(SAMPLE))
    assert rebuilt[0] == bundled[0]
    real = [line for line in rebuilt[1:] if "Fixture" not in line]
    assert len(real) == 6
    assert set(real) <= set(bundled)


def test_refresh_keeps_rows_in_the_bundled_order() -> None:
    bundled = _lines(data_file("oews_may2025").read_bytes().decode("utf-8"))
    real = [line for line in _lines(build_extract(SAMPLE))[1:] if "Fixture" not in line]
    assert real == [line for line in bundled if line in set(real)]


def test_refresh_skips_other_occupations_and_state_industry_series() -> None:
    text = build_extract(SAMPLE)
    assert "Registered Nurses" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert all(r["industry_code"] == "000000" for r in rows if r["area_type"] != "N")


def test_top_coded_and_unavailable_marks_pass_through_unchanged() -> None:
    rows = list(csv.DictReader(io.StringIO(build_extract(SAMPLE))))
    fixture = next(r for r in rows if r["area_code"] == "9999999")
    assert (fixture["annual_p90"], fixture["hourly_p90"], fixture["location_quotient"]) == (
        "#",
        "#",
        "*",
    )
    assert fixture["footnotes"] == "10:5;15:5"
    assert parse_estimate(fixture["annual_p90"], "annual_p90").value == 239_200
    elmira = next(r for r in rows if r["area_code"] == "0021300")
    assert elmira["annual_median"] == "-"


def test_values_are_written_in_the_extracts_number_formats() -> None:
    assert format_value("  27.3 ", "hourly_mean") == "27.30"
    assert format_value("56790.0", "annual_mean") == "56790"
    assert format_value("1.1190", "jobs_per_1000") == "1.119"
    assert format_value("-", "annual_mean") == "-"


def test_refresh_writes_atomically_and_reports_the_new_hash(tmp_path: Path) -> None:
    target = tmp_path / "extract.csv"
    target.write_text("old contents", encoding="utf-8")
    result = refresh_extract(SAMPLE, target)
    assert result.rows == 7
    assert target.read_bytes().decode("utf-8") == build_extract(SAMPLE)
    assert result.sha256 in result.sources_toml
    assert [p.name for p in tmp_path.iterdir()] == ["extract.csv"]


def test_a_folder_without_the_flat_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        build_extract(tmp_path)
    assert caught.value.field == "from"
    assert "oe.data.0.Current" in caught.value.message
