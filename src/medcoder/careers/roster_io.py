"""Reading roster files (CSV, XLSX) and writing priced ones, safely.

Every file-level problem is an InvalidInput naming the file or the column: wrong extension, empty
file, text that is not UTF-8, a missing column (with the closest header as a suggestion).
Outputs are written to a temporary file in the destination folder and renamed into place, so a
failed run never leaves a half-written file; text cells that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-`` or ``@``) get a leading apostrophe.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Literal

import polars as pl

from medcoder.errors import InvalidInput

REQUIRED_COLUMNS = ("id", "title", "area", "salary")
OPTIONAL_COLUMNS = ("setting", "credentials", "years")
# Headers HR systems commonly use for our columns.
COLUMN_ALIASES = {
    "employee_id": "id",
    "emp_id": "id",
    "level": "title",
    "ladder_level": "title",
    "job_title": "title",
    "location": "area",
    "state": "area",
    "work_setting": "setting",
    "credential": "credentials",
    "certifications": "credentials",
    "years_experience": "years",
    "experience": "years",
    "base_salary": "salary",
    "annual_salary": "salary",
}
INPUT_SUFFIXES = (".csv", ".xlsx")
OutputFormat = Literal["csv", "xlsx", "json"]
OUTPUT_SUFFIXES: dict[str, OutputFormat] = {".csv": "csv", ".xlsx": "xlsx", ".json": "json"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def input_kind(name: str) -> Literal["csv", "xlsx"]:
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".xlsx":
        return "xlsx"
    raise InvalidInput(
        "file",
        f"{Path(name).name!r} has extension {suffix or '(none)'!r}; a roster must be a CSV or XLSX "
        "file",
        allowed=list(INPUT_SUFFIXES),
    )


def output_kind(name: str, field: str = "out") -> OutputFormat:
    suffix = Path(name).suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise InvalidInput(
            field,
            f"cannot write {Path(name).name!r}: unknown extension {suffix or '(none)'!r}",
            allowed=list(OUTPUT_SUFFIXES),
        )
    return OUTPUT_SUFFIXES[suffix]


def _normal_header(text: str) -> str:
    return re.sub(r"[\s\-.]+", "_", text.strip().casefold()).strip("_")


def canonical_columns(headers: list[str]) -> dict[str, str]:
    """Map each file header to our column name; raise naming any required column not found."""
    mapping: dict[str, str] = {}
    for header in headers:
        normal = _normal_header(header)
        name = COLUMN_ALIASES.get(normal, normal)
        if name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS and name not in mapping.values():
            mapping[header] = name
    missing = [name for name in REQUIRED_COLUMNS if name not in mapping.values()]
    if missing:
        from rapidfuzz import process

        unused = [header for header in headers if header not in mapping]
        suggestions = []
        for name in missing:
            match = process.extractOne(name, unused, score_cutoff=60) if unused else None
            if match is not None:
                suggestions.append(f"{match[0]!r} for {name!r}")
        raise InvalidInput(
            "columns",
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; the file has "
            f"{', '.join(repr(h) for h in headers) or 'no headers'}",
            allowed=list(REQUIRED_COLUMNS + OPTIONAL_COLUMNS),
            suggestions=suggestions or None,
        )
    return mapping


def _check_utf8(data: bytes, name: str) -> bytes:
    """The bytes without a byte-order mark, once checked to be UTF-8 (the error names the line)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidInput(
            "file",
            f"{name!r} is not UTF-8 text (first bad byte on line {line}); save it as CSV UTF-8",
        ) from None
    return data.removeprefix(codecs.BOM_UTF8)


def _read_csv(data: bytes, name: str) -> pl.DataFrame:
    clean = _check_utf8(data, name)
    if not clean.strip():
        raise InvalidInput("file", f"{name!r} is empty")
    try:
        return pl.read_csv(io.BytesIO(clean), infer_schema=False)
    except pl.exceptions.PolarsError as error:
        message = str(error).splitlines()[0]
        raise InvalidInput("file", f"{name!r} is not a readable CSV file: {message}") from None


def _read_xlsx(data: bytes, name: str) -> pl.DataFrame:
    from openpyxl import load_workbook

    if not data:
        raise InvalidInput("file", f"{name!r} is empty")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zip, XML and key errors for damaged files
        raise InvalidInput(
            "file", f"{name!r} is not a readable XLSX workbook ({type(error).__name__})"
        ) from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None or all(cell is None for cell in header):
            raise InvalidInput("file", f"{name!r} is empty")
        headers = [str(cell).strip() if cell is not None else "" for cell in header]
        columns: list[list[str | None]] = [[] for _ in headers]
        for row in rows:
            if all(cell is None for cell in row):
                continue
            for index in range(len(headers)):
                cell = row[index] if index < len(row) else None
                columns[index].append(_cell_text(cell))
    finally:
        book.close()
    return pl.DataFrame(
        dict(zip(headers, columns, strict=True)),
        schema=dict.fromkeys(headers, pl.String),
    )


def _cell_text(cell: object) -> str | None:
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def read_roster(data: bytes, name: str) -> pl.DataFrame:
    """The roster as text columns renamed to ours, plus ``row`` (its row number in the file)."""
    kind = input_kind(name)
    frame = _read_csv(data, name) if kind == "csv" else _read_xlsx(data, name)
    mapping = canonical_columns(frame.columns)
    if frame.height == 0:
        raise InvalidInput("file", f"{name!r} has a header but no rows")
    frame = frame.rename(mapping)
    for column in OPTIONAL_COLUMNS:
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(column))
    # Row 1 is the header in both CSV and XLSX, so the first employee is row 2.
    return frame.with_row_index("row", offset=2).with_columns(pl.col("row").cast(pl.Int64))


def _neutral_text(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_START) else text


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells (and headers) that start like a spreadsheet formula with an apostrophe.

    Headers count: extra columns of the uploaded file are carried through under their own names.
    """
    text_columns = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    pattern = "^[" + re.escape("".join(FORMULA_START)) + "]"
    cells = frame.with_columns(
        pl.when(pl.col(name).str.contains(pattern))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text_columns
    )
    return cells.rename(_neutral_text)


@contextmanager
def atomic_path(destination: Path, *, field: str = "out") -> Iterator[Path]:
    """A temporary path next to ``destination``, renamed onto it only if the block succeeds."""
    destination = destination.resolve()
    if destination.is_dir():
        raise InvalidInput(field, f"{str(destination)!r} is a folder; give a file name")
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{destination.name}.", suffix=".part", dir=destination.parent
        )
    except OSError as error:
        raise InvalidInput(
            field, f"cannot write in {str(destination.parent)!r}: {error.strerror}"
        ) from None
    os.close(handle)
    path = Path(temporary)
    try:
        yield path
        os.replace(path, destination)
    finally:
        path.unlink(missing_ok=True)


def write_frames(
    frames: Iterator[pl.DataFrame], destination: Path, kind: OutputFormat, *, field: str = "out"
) -> None:
    """Write batches of priced rows as one CSV, XLSX or JSON file, atomically."""
    with atomic_path(destination, field=field) as path:
        if kind == "csv":
            with path.open("wb") as handle:
                for index, frame in enumerate(frames):
                    neutralise_formulas(frame).write_csv(handle, include_header=index == 0)
            return
        combined = pl.concat(list(frames), how="vertical_relaxed")
        if kind == "xlsx":
            write_xlsx(neutralise_formulas(combined), path)
        else:
            path.write_text(json.dumps(combined.to_dicts(), default=str), encoding="utf-8")


def write_xlsx(frame: pl.DataFrame, path: Path | IO[bytes]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("roster")
    sheet.append(frame.columns)
    for row in frame.iter_rows():
        sheet.append(list(row))
    book.save(path)


def write_errors(errors: pl.DataFrame, destination: Path) -> None:
    kind = output_kind(destination.name, "errors")
    write_frames(iter([errors]), destination, kind, field="errors")


ProgressCallback = Callable[[int, int], None]
