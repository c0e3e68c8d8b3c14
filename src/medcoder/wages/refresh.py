"""Rebuild the bundled OEWS extract from BLS's time-series flat files.

BLS publishes OEWS under https://download.bls.gov/pub/time.series/oe/ as tab-separated files:
``oe.data.0.Current`` (one value per series), ``oe.area``, ``oe.industry`` and ``oe.occupation``.
A series id packs everything (oe.txt): ``OE`` + seasonal ``U`` + area type (1) + area code (7) +
industry (6) + occupation (6) + datatype (2). This module reads those files and writes the same
CSV as the bundled extract (columns, number formats, row order), atomically.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from medcoder.errors import InvalidInput
from medcoder.wages.oews import CROSS_INDUSTRY, FIGURES

# The occupations of the bundled extract, in its row order.
EXTRACT_SOCS = ("29-2072", "29-9021", "11-9111", "13-1041", "43-3021", "31-9094", "00-0000")
REQUIRED_FILES = ("oe.data.0.Current", "oe.area", "oe.industry", "oe.occupation")
HEADER = [
    "area_type", "area_code", "state_code", "area_name", "industry_code", "industry_name",
    "soc_code", "occupation_name", *FIGURES, "footnotes",
]  # fmt: skip
# How the extract writes each datatype: decimals (None = whole number).
DECIMALS: dict[str, int | None] = {
    "employment": None,
    "employment_rse_pct": 1,
    "wage_rse_pct": 1,
    "jobs_per_1000": 3,
    "location_quotient": 2,
    **{name: 2 for name in FIGURES if name.startswith("hourly_")},
    **{name: None for name in FIGURES if name.startswith("annual_")},
}
MARKS = {"-", "*", "#"}


@dataclass(frozen=True, slots=True)
class SeriesId:
    area_type: str
    area_code: str
    industry_code: str
    soc_code: str
    datatype: int

    @classmethod
    def parse(cls, text: str) -> SeriesId:
        series = text.strip()
        if len(series) != 25 or not series.startswith("OEU"):
            raise ValueError(f"not an OEWS series id: {series!r}")
        occupation = series[17:23]
        return cls(
            area_type=series[3],
            area_code=series[4:11],
            industry_code=series[11:17],
            soc_code=f"{occupation[:2]}-{occupation[2:]}",
            datatype=int(series[23:25]),
        )


class RefreshResult(BaseModel):
    path: str
    rows: int
    sha256: str
    sources_toml: str


def _table(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = [name.strip() for name in next(reader)]
        for cells in reader:
            if cells:
                yield {name: cell.strip() for name, cell in zip(header, cells, strict=False)}


def format_value(raw: str, figure: str) -> str:
    """A flat-file value in the extract's format; BLS's ``-``, ``*`` and ``#`` pass through."""
    text = raw.strip()
    if text in MARKS or not text:
        return text
    number = float(text.replace(",", ""))
    decimals = DECIMALS[figure]
    return f"{round(number):d}" if decimals is None else f"{number:.{decimals}f}"


def _check_dir(source_dir: Path) -> None:
    missing = [name for name in REQUIRED_FILES if not (source_dir / name).is_file()]
    if missing:
        raise InvalidInput("from", f"{source_dir} lacks the BLS flat files {', '.join(missing)}")


def _wanted(series: SeriesId, socs: tuple[str, ...]) -> bool:
    if series.soc_code not in socs or not 1 <= series.datatype <= len(FIGURES):
        return False
    # Industry detail only nationally, and not for the all-occupations total.
    if series.area_type == "N" and series.soc_code != "00-0000":
        return True
    return series.industry_code == CROSS_INDUSTRY


def build_extract(source_dir: Path, *, socs: tuple[str, ...] = EXTRACT_SOCS) -> str:
    """The extract CSV text built from the flat files in ``source_dir``."""
    _check_dir(source_dir)
    areas = {row["area_code"]: row for row in _table(source_dir / "oe.area")}
    industries = {
        row["industry_code"]: row["industry_name"] for row in _table(source_dir / "oe.industry")
    }
    occupations = {
        row["occupation_code"]: row["occupation_name"]
        for row in _table(source_dir / "oe.occupation")
    }
    cells: dict[tuple[str, str, str, str], dict[str, str]] = {}
    notes: dict[tuple[str, str, str, str], list[str]] = {}
    for row in _table(source_dir / "oe.data.0.Current"):
        try:
            series = SeriesId.parse(row["series_id"])
        except ValueError as error:
            raise InvalidInput("from", f"oe.data.0.Current: {error}") from None
        if not _wanted(series, socs):
            continue
        key = (series.soc_code, series.area_type, series.area_code, series.industry_code)
        figure = FIGURES[series.datatype - 1]
        cells.setdefault(key, {})[figure] = format_value(row["value"], figure)
        footnote = row.get("footnote_codes", "")
        if footnote:
            notes.setdefault(key, []).append(f"{series.datatype:02d}:{footnote}")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for key in sorted(cells, key=lambda k: (socs.index(k[0]), k[1], k[2], k[3])):
        soc, area_type, area_code, industry = key
        area = areas.get(area_code, {})
        writer.writerow(
            [
                area_type, area_code, area.get("state_code", ""), area.get("area_name", ""),
                industry, industries.get(industry, ""), soc,
                occupations.get(soc.replace("-", ""), ""),
                *(cells[key].get(figure, "") for figure in FIGURES),
                ";".join(sorted(notes.get(key, []))),
            ]
        )  # fmt: skip
    return out.getvalue()


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path`` and rename it over, so readers never see half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def refresh_extract(source_dir: Path, out_path: Path) -> RefreshResult:
    """Rebuild the extract into ``out_path``; report its hash and the SOURCES.toml lines."""
    text = build_extract(source_dir)
    write_atomically(out_path, text)
    digest = hashlib.sha256(out_path.read_bytes()).hexdigest()
    rows = text.count("\n") - 1
    lines = "\n".join(
        [
            "[oews_may2025]",
            f'sha256 = "{digest}"',
            "# also set release and retrieved to the new files' dates",
        ]
    )
    return RefreshResult(path=str(out_path), rows=rows, sha256=digest, sources_toml=lines)
