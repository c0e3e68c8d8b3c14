"""Roster market pricing: hand-checked rows, every bad-file case, and safe output files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl
import pytest

from medcoder.careers.roster import PricedRoster, price_roster
from medcoder.careers.roster_io import atomic_path, read_roster, write_xlsx
from medcoder.careers.roster_market import price_employee
from medcoder.errors import InvalidInput

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "roster"


def priced(name: str) -> PricedRoster:
    result = price_roster(FIXTURES / name)
    assert isinstance(result, PricedRoster)
    return result


def by_id(result: PricedRoster) -> dict[object, dict[str, object]]:
    return {row["id"]: row for row in result.rows}


def test_texas_coder_is_placed_between_p25_and_median_of_the_texas_distribution() -> None:
    row = by_id(priced("coders.csv"))["E1"]
    # Texas 29-2072: p25 39,470, median 48,860. 25 + (45,000 − 39,470) / 9,390 × 25 = 39.72
    assert (row["market_p25"], row["market_median"]) == (39_470, 48_860)
    assert row["percentile"] == 39.7
    assert row["compa_ratio"] == round(45_000 / 48_860, 3) == 0.921
    assert row["below_p25"] is False and row["missing_data"] is False


def test_manager_title_is_priced_as_medical_and_health_services_manager() -> None:
    row = by_id(priced("coders.csv"))["E2"]
    assert row["occupation"] == "11-9111"
    assert row["market_median"] == 141_480  # California 11-9111 median
    assert row["below_p25"] is True  # "$95,000" parsed, below p25 98,470


def test_area_plus_setting_scales_the_area_by_the_settings_national_ratio() -> None:
    row = by_id(priced("coders.csv"))["E3"]
    assert "scaled by the national Hospitals" in str(row["market_basis"])
    national = by_id(priced("coders.csv"))["E4"]
    assert "national, Hospitals" in str(national["market_basis"])


def test_salary_above_p90_is_flagged_and_labelled_without_a_number() -> None:
    row = by_id(priced("coders.csv"))["E6"]
    assert row["above_p90"] is True
    assert (row["percentile"], row["percentile_label"]) == (None, ">90")


def test_every_row_is_either_priced_or_in_the_error_report() -> None:
    result = priced("problems.csv")
    error_rows = {error["row"] for error in result.errors}
    assert result.summary.rows_read == 10
    assert result.summary.rows_priced + len(error_rows) == 10
    assert [row["id"] for row in result.rows] == ["P1"]


def test_row_problems_name_the_row_and_the_column() -> None:
    found = {(e["row"], e["column"]) for e in priced("problems.csv").errors}
    assert found == {
        (3, "area"),  # Narnia
        (4, "setting"),  # spaceship
        (5, "credentials"),  # XYZ
        (6, "years"),  # ten
        (7, "salary"),  # lots
        (8, "id"),  # P1 again
        (9, "area"),  # blank
        (10, "id"),  # blank
        (11, "salary"),  # blank
    }


def test_unknown_area_error_suggests_close_names() -> None:
    errors = priced("problems.csv").errors
    narnia = next(e for e in errors if e["value"] == "Narnia")
    assert "did you mean" in str(narnia["message"])


def test_misnamed_column_is_named_with_the_close_header_suggested() -> None:
    with pytest.raises(InvalidInput) as caught:
        price_roster(FIXTURES / "misnamed_column.csv")
    assert caught.value.field == "columns"
    assert "salary" in caught.value.message
    assert caught.value.suggestions == ["'salery' for 'salary'"]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "is empty"),
        ("header_only.csv", "no rows"),
        ("latin1.csv", "not UTF-8 text (first bad byte on line 2)"),
        ("coders.txt", "must be a CSV or XLSX"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(name: str, words: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        price_roster(FIXTURES / name)
    assert caught.value.field == "file"
    assert words in caught.value.message


def test_xlsx_roster_is_priced_like_the_csv(tmp_path: Path) -> None:
    # E6's title is a formula, which a workbook would store as one: leave it out here.
    frame = pl.read_csv(FIXTURES / "coders.csv", infer_schema=False).filter(pl.col("id") != "E6")
    workbook = tmp_path / "coders.xlsx"
    write_xlsx(frame, workbook)
    from_xlsx = price_roster(workbook)
    assert isinstance(from_xlsx, PricedRoster)
    assert from_xlsx.rows == [row for row in priced("coders.csv").rows if row["id"] != "E6"]


def test_damaged_xlsx_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "roster.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InvalidInput) as caught:
        price_roster(broken)
    assert "not a readable XLSX" in caught.value.message


def test_csv_output_neutralises_formula_cells_and_writes_the_error_report(tmp_path: Path) -> None:
    out, errors = tmp_path / "priced.csv", tmp_path / "errors.csv"
    price_roster(FIXTURES / "coders.csv", out=out, errors_out=errors)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["title"] for row in rows if row["id"] == "E6"] == ["'=SUM(A1:A9)"]
    assert len(rows) == 6
    assert errors.read_text(encoding="utf-8").splitlines() == ["row,column,value,message"]


def test_json_output_holds_one_object_per_priced_row(tmp_path: Path) -> None:
    out = tmp_path / "priced.json"
    price_roster(FIXTURES / "problems.csv", out=out)
    assert [row["id"] for row in json.loads(out.read_text(encoding="utf-8"))] == ["P1"]


def test_a_failed_run_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "priced.csv"
    out.write_text("previous run\n", encoding="utf-8")
    with pytest.raises(InvalidInput):
        price_roster(FIXTURES / "misnamed_column.csv", out=out)
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert list(tmp_path.iterdir()) == [out]


def test_atomic_write_removes_its_temporary_file_when_writing_fails(tmp_path: Path) -> None:
    destination = tmp_path / "priced.csv"
    with pytest.raises(RuntimeError), atomic_path(destination) as partial:
        partial.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert list(tmp_path.iterdir()) == []


def test_unknown_output_extension_is_refused_before_any_work() -> None:
    with pytest.raises(InvalidInput) as caught:
        price_roster(FIXTURES / "coders.csv", out=Path("priced.pdf"))
    assert caught.value.field == "out"


def test_scalar_and_vectorised_pricing_agree() -> None:
    for row in priced("coders.csv").rows:
        salary = float(str(row["salary"]).replace("$", "").replace(",", ""))
        single = price_employee(
            title=str(row["title"]),
            area=str(row["area"]),
            salary=salary,
            setting=row["setting"] if isinstance(row["setting"], str) else None,
            credentials=row["credentials"] if isinstance(row["credentials"], str) else None,
        )
        for column in ("market_median", "percentile", "percentile_label", "compa_ratio"):
            assert single[column] == row[column], (row["id"], column)


def test_columns_are_matched_whatever_their_case_and_common_aliases() -> None:
    data = b"Employee ID,Job Title,State,Base Salary\nA1,Medical Coder,Texas,45000\n"
    frame = read_roster(data, "hr_export.csv")
    assert {"id", "title", "area", "salary", "setting", "credentials", "years"} <= set(
        frame.columns
    )


def test_xlsx_output_stores_formula_like_text_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "priced.xlsx"
    price_roster(FIXTURES / "coders.csv", out=out)
    book = load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    header, *data = rows
    titles = {row[header.index("id")]: row[header.index("title")] for row in data}
    assert titles["E6"] == "'=SUM(A1:A9)"
    assert len(data) == 6


def test_excels_utf8_byte_order_mark_does_not_hide_the_id_column() -> None:
    frame = read_roster(b"\xef\xbb\xbfid,title,area,salary\nA1,Coder,TX,40000\n", "excel.csv")
    assert frame["id"].to_list() == ["A1"]
